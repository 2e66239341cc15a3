using System.Collections.Frozen;
using System.Text;

namespace ContentApi.Search;

/// <summary>
/// Folds Traditional Han characters to Simplified ones, so either form finds the other.
/// The table is generated from Unihan (see Unihan/README.md); folding twice changes nothing.
/// </summary>
internal static class HanVariants
{
    public const string ResourceName = "ContentApi.Search.Unihan.HanVariants.txt";

    private static readonly Lazy<FrozenDictionary<int, Rune>> Table = new(Load);

    /// <summary>Traditional code point → Simplified character.</summary>
    public static IReadOnlyDictionary<int, Rune> Mappings => Table.Value;

    public static Rune Fold(Rune rune) => Table.Value.TryGetValue(rune.Value, out var folded) ? folded : rune;

    private static readonly Lazy<FrozenSet<int>> SimplifiedForms = new(() => Table.Value.Values.Select(rune => rune.Value).ToFrozenSet());

    /// <summary>A character Traditional text writes and Simplified text writes otherwise (發, 們).</summary>
    public static bool IsTraditionalForm(Rune rune) => Table.Value.ContainsKey(rune.Value);

    /// <summary>A character Simplified text writes for some Traditional one (发, 们); Traditional text may write a few (台, 里).</summary>
    public static bool IsSimplifiedForm(Rune rune) => SimplifiedForms.Value.Contains(rune.Value);

    private static readonly string?[] FoldedBmp = new string?[char.MaxValue + 1];

    /// <summary><see cref="Fold"/> of a BMP character as a string, cached: indexing makes one per CJK character.</summary>
    public static string FoldedText(char c) => FoldedBmp[c] ??= Fold(new Rune(c)).ToString();

    private static FrozenDictionary<int, Rune> Load()
    {
        using var stream = typeof(HanVariants).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, Rune>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var runes = line.EnumerateRunes().ToArray();
            if (runes.Length != 2)
            {
                throw new InvalidDataException($"{ResourceName}: expected two characters per line, found \"{line}\".");
            }
            table.Add(runes[0].Value, runes[1]);
        }
        return table.ToFrozenDictionary();
    }
}
