using System.Collections.Frozen;

namespace ContentApi.Text;

/// <summary>
/// The two-letter language subtags a tag may start with (<c>Iso639-1.txt</c>, the registry's), the deprecated ones
/// the registry replaces, and the codes written by mistake for a language's: a country's (<c>jp</c> for Japan).
/// </summary>
public static class TwoLetterLanguages
{
    private const string ResourceName = "ContentApi.Text.Iso639-1.txt";

    private static readonly FrozenSet<string> Codes = Load();

    /// <summary>Deprecated in the registry for the code ISO 639-1 has given the language since (its Preferred-Value).</summary>
    public static readonly FrozenDictionary<string, string> Replaced = new Dictionary<string, string>
    {
        ["iw"] = "he", ["in"] = "id", ["ji"] = "yi", ["jw"] = "jv", ["mo"] = "ro",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A country's code, or a language's name cut short, taken for its language's code.</summary>
    private static readonly FrozenDictionary<string, string> Mistaken = new Dictionary<string, string>
    {
        ["jp"] = "ja", ["gr"] = "el", ["ua"] = "uk", ["vn"] = "vi", ["cz"] = "cs", ["cn"] = "zh", ["dk"] = "da",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a tag may start with this two-letter language (a deprecated one too: it is replaced).</summary>
    public static bool IsKnown(string code) => Codes.Contains(code) || Replaced.ContainsKey(code);

    /// <summary>The code meant where <paramref name="code"/> is an obvious mistake for one (<c>jp</c>: <c>ja</c>), else null.</summary>
    public static string? Meant(string code) => Mistaken.GetValueOrDefault(code);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(TwoLetterLanguages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var codes = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith('#'))
            {
                codes.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return codes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
