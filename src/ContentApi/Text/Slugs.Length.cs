using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// Derived slugs cut to their limits, between words where one ends late enough, and numbered when taken.
/// </summary>
public static partial class Slugs
{
    /// <summary>"title", "title-2", "title-3", ... for a derived slug that is already taken.</summary>
    public static string WithSuffix(string slug, int attempt)
    {
        if (attempt <= 1)
        {
            return slug;
        }
        var suffix = "-" + attempt.ToString(CultureInfo.InvariantCulture);
        return TrimToLength(slug, MaxLength - suffix.Length, DerivedMaxBytes - suffix.Length) + suffix;
    }

    /// <summary>
    /// The longest start of at most <paramref name="maxCharacters"/> characters (Unicode scalar values) and
    /// <paramref name="maxBytes"/> UTF-8 bytes, ending between words when a cut falls inside one late enough, and
    /// without a hyphen at either end. Words end where an excerpt's cut takes them to (<see cref="Excerpts"/>): at a
    /// hyphen, or beside Chinese or Japanese, not inside a katakana word, and in Japanese preferably where a phrase ends;
    /// <paramref name="asEarlierBuilds"/>, at a hyphen only.
    /// </summary>
    private static string TrimToLength(string slug, int maxCharacters, int maxBytes, bool asEarlierBuilds = false)
    {
        // Whole user-perceived characters only: a cut inside one would leave a letter without its mark or a conjunct
        // ending in a virama ("क्ष" cut to "क्").
        var (end, characters, bytes) = (0, 0, 0);
        foreach (var (start, length) in Graphemes.Ranges(slug))
        {
            var cluster = slug.AsSpan(start, length);
            var (clusterCharacters, clusterBytes) = (0, 0);
            foreach (var rune in cluster.EnumerateRunes())
            {
                clusterCharacters++;
                clusterBytes += rune.Utf8SequenceLength;
            }
            if (characters + clusterCharacters > maxCharacters || bytes + clusterBytes > maxBytes)
            {
                break;
            }
            (end, characters, bytes) = (start + length, characters + clusterCharacters, bytes + clusterBytes);
        }
        if (end > 0 && end < slug.Length && slug[end] != '-')
        {
            end = asEarlierBuilds ? EndAtHyphen(slug, end) : EndBetweenWords(slug, end); // "a-long-title-that-was-cu" → "a-long-title-that-was"
        }
        return slug[..end].Trim('-');
    }

    private static int EndAtHyphen(string slug, int end) => slug.LastIndexOf('-', end - 1) is var hyphen && hyphen > end * 2 / 3 ? hyphen : end;

    /// <summary>Where the slug's start up to <paramref name="end"/> ends between words in its last third, as an excerpt is cut; else <paramref name="end"/>.</summary>
    private static int EndBetweenWords(string slug, int end)
    {
        // The hyphens as the spaces they stand for, so that the excerpt's rule reads the slug as text; one more cluster
        // than is kept, to see what a cut at the end would part.
        var elements = Graphemes.Split(slug[..(end + Graphemes.LengthAt(slug, end))]).ConvertAll(element => element == "-" ? " " : element);
        var kept = elements.Count - 1;
        return Excerpts.LastWordBoundary(elements, kept * 2 / 3 + 1, kept) is { } length ? string.Concat(elements.Take(length)).Length : end;
    }
}
