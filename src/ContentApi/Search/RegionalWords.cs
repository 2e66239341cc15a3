using System.Collections.Frozen;
using System.Text;

namespace ContentApi.Search;

/// <summary>
/// Words that mainland China, Taiwan and Hong Kong write differently for the same thing (人工智能 and 人工智慧, 软件 and
/// 軟體), which no character fold joins: a query word in one of <c>RegionalWords/RegionalWords.txt</c>'s sets is also
/// looked for as each other word of its set, inside a Chinese term too (人工智能应用 also finds 人工智慧應用). Queries
/// only: the index holds the words as written, so the table can grow without reindexing.
/// </summary>
internal static class RegionalWords
{
    public const string ResourceName = "ContentApi.Search.RegionalWords.RegionalWords.txt";

    /// <summary>
    /// The most ways of writing one term that its regional words add up to (with the term's own): each is a phrase the
    /// index checks, and sixteen terms of four stay within the strings <see cref="Fts5Match.MaxTokens"/> allows when
    /// each is cut to its first token.
    /// </summary>
    public const int MaxForms = 4;

    private static readonly Lazy<Table> Words = new(Load);

    /// <summary>
    /// <paramref name="forms"/> and then, while they are fewer than <see cref="MaxForms"/>, each form with its regional
    /// words (the longest at each place, from the left) written otherwise: first all of them as the first other word of
    /// their sets (网络视频 as 網路影片), then as the second, and so on, then each alone, so that the way another region
    /// writes the whole term comes first and a term of many such words makes no more forms than it keeps.
    /// </summary>
    public static List<IReadOnlyList<TextUnit>> WithEquivalents(List<IReadOnlyList<TextUnit>> forms)
    {
        var table = Words.Value;
        var written = forms.ToList();
        foreach (var form in forms)
        {
            var words = new List<(int At, int Length, IReadOnlyList<IReadOnlyList<TextUnit>> Others)>();
            for (var at = 0; at < form.Count;)
            {
                var (length, others) = LongestWordAt(table, form, at);
                if (length > 0)
                {
                    words.Add((at, length, others));
                }
                at += Math.Max(length, 1);
            }
            var mostOthers = words.Count == 0 ? 0 : words.Max(word => word.Others.Count);
            var choices = Enumerable.Range(0, mostOthers).Select(other => words.Select(word => Math.Min(other, word.Others.Count - 1)).ToArray())
                .Concat(words.Count < 2 ? [] : Enumerable.Range(0, words.Count).Select(only => words.Select((_, i) => i == only ? 0 : -1).ToArray()));
            foreach (var choice in choices.TakeWhile(_ => written.Count < MaxForms))
            {
                written.Add(Written(form, words, choice));
            }
        }
        return written;
    }

    /// <summary><paramref name="form"/> with each of its <paramref name="words"/> written as its set's other word <paramref name="choice"/> names (-1: as typed).</summary>
    private static List<TextUnit> Written(IReadOnlyList<TextUnit> form, List<(int At, int Length, IReadOnlyList<IReadOnlyList<TextUnit>> Others)> words, int[] choice)
    {
        var units = new List<TextUnit>();
        var next = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (choice[i] < 0)
            {
                continue;
            }
            var (at, length, others) = words[i];
            units.AddRange(form.Skip(next).Take(at - next));
            units.AddRange(others[choice[i]].Select((unit, k) => k == 0 ? unit with { JoinsPrevious = form[at].JoinsPrevious } : unit));
            next = at + length;
        }
        units.AddRange(form.Skip(next));
        return units;
    }

    /// <summary>How many units the longest table word at <paramref name="at"/> spans, and the other words of its set; 0 when none.</summary>
    private static (int Length, IReadOnlyList<IReadOnlyList<TextUnit>> Others) LongestWordAt(Table table, IReadOnlyList<TextUnit> units, int at)
    {
        var text = new StringBuilder();
        (int, IReadOnlyList<IReadOnlyList<TextUnit>>) found = (0, []);
        for (var end = at; end < units.Count && end - at < table.LongestWord && units[end].IsCjk && (end == at || units[end] is { JoinsPrevious: true, AfterBreak: false }); end++)
        {
            text.Append(units[end].Text);
            if (table.Sets.TryGetValue(text.ToString(), out var others))
            {
                found = (end - at + 1, others);
            }
        }
        return found;
    }

    private sealed record Table(FrozenDictionary<string, IReadOnlyList<IReadOnlyList<TextUnit>>> Sets, int LongestWord);

    private static Table Load()
    {
        using var stream = typeof(RegionalWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sets = new Dictionary<string, IReadOnlyList<IReadOnlyList<TextUnit>>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => TextUnits.Of(word)).ToList();
            if (words.Count < 2 || words.Any(units => units.Count == 0 || units.Any(unit => !unit.IsCjk)))
            {
                throw new InvalidDataException($"{ResourceName}: expected two or more Chinese words per line, found \"{line}\".");
            }
            foreach (var word in words)
            {
                var key = string.Concat(word.Select(unit => unit.Text));
                if (!sets.TryAdd(key, [.. words.Where(other => other != word)]))
                {
                    throw new InvalidDataException($"{ResourceName}: \"{key}\" is in two sets.");
                }
            }
        }
        return new Table(sets.ToFrozenDictionary(), sets.Keys.Max(key => key.Length));
    }
}
