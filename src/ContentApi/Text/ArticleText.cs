using System.Globalization;
using System.Text;
using ContentApi.Rendering;

namespace ContentApi.Text;

/// <summary>What an article's body measures: its plain text, derived excerpt, length and reading time.</summary>
/// <param name="PlainText">
/// The readable text: one line per heading, paragraph, list item, table row or code line, without markup.
/// Images contribute nothing, not even their alt text, which describes a picture rather than being read.
/// </param>
/// <param name="IndexedDerivedExcerpt">
/// The excerpt to use when none is given, cut (see <see cref="Excerpts"/>) from <see cref="Rendering.ExcerptSource"/>, as
/// search indexes it: a line break where it joins two paragraphs (<see cref="Excerpts.DeriveKeepingLineBreaks"/>).
/// </param>
/// <param name="CharacterCount">Grapheme clusters of the plain text other than whitespace, punctuation included.</param>
/// <param name="ReadingTimeMinutes">See <see cref="ReadingTime"/>.</param>
/// <param name="PlacedImageIds">The images the body places with <c>![alt](image:ID)</c>, in order (repeats included).</param>
/// <param name="MalformedImageReferences">What the body places with <c>image:</c> that names no image (<c>image:abc</c>).</param>
/// <param name="TooComplex">
/// Why the Markdown is beyond what it may be, if it is: nesting deeper than Markdig can render
/// (<see cref="MarkdownTooComplexException.Explanation"/>) or parsing work out of bounds (<see cref="MarkdownScanCost"/>).
/// A new body like it is refused; one already stored stays readable (its source stands in for HTML).
/// </param>
/// <param name="Html">
/// Whether it would render to more HTML than allowed, asked with the images it places (a write loads them); null when
/// <see cref="TooComplex"/>. A new body that would is refused (<see cref="MarkdownRenderer.HtmlTooLargeExplanation"/>).
/// </param>
public sealed record ArticleTextStats(
    string PlainText, string IndexedDerivedExcerpt, int CharacterCount, int ReadingTimeMinutes, IReadOnlyList<long> PlacedImageIds,
    IReadOnlyList<string> MalformedImageReferences, string? TooComplex = null, RenderedHtmlCheck? Html = null)
{
    /// <summary>The excerpt to use when none is given, as it is stored and shown.</summary>
    public string DerivedExcerpt => Excerpts.ShownAs(IndexedDerivedExcerpt);

    /// <summary>
    /// A derived excerpt stored from this body as search indexes it: with its line breaks, if it is the one these stats
    /// derive (one an earlier build derived differently is taken as it is, until <c>reindex</c> derives it again).
    /// </summary>
    public string IndexedFormOf(string storedDerivedExcerpt) =>
        DerivedExcerpt == storedDerivedExcerpt ? IndexedDerivedExcerpt : storedDerivedExcerpt;
}

public static class ArticleText
{
    /// <summary>The longest derived excerpt, in user-perceived characters, its ellipsis included.</summary>
    public const int ExcerptMaxLength = 200;

    /// <summary>The longest excerpt a request may give, in characters as JSON Schema counts them (scalar values).</summary>
    public const int ExcerptMaxCharacters = 2000;

    /// <summary>Whether an excerpt is no longer than one <see cref="Measure"/> derives: <see cref="ExcerptMaxLength"/> clusters and <see cref="ExcerptMaxCharacters"/> characters.</summary>
    public static bool HasDerivedExcerptLength(string excerpt) =>
        CharacterLimit.Count(excerpt) <= ExcerptMaxCharacters && Graphemes.Ranges(excerpt).Take(ExcerptMaxLength + 1).Count() <= ExcerptMaxLength;

    public static readonly string DerivedExcerptLengthMessage =
        $"A derived excerpt is cut from the body to at most {ExcerptMaxLength} characters (user-perceived: a letter with its marks is one) " +
        $"and {ExcerptMaxCharacters:N0} Unicode scalar values, and is sent with its article in every list: put back the one the export was written with.";

    public static readonly string GivenExcerptLengthMessage =
        $"An excerpt holds at most {ExcerptMaxCharacters:N0} characters (Unicode scalar values), as the API has always taken it, " +
        "and is sent with its article in every list: put back the one the export was written with.";

    /// <summary>Measures a body about to be stored (see <see cref="ArticleTextStats.TooComplex"/>).</summary>
    /// <param name="parseLimit">How long parsing it may take; by default <see cref="TimedMarkdownParse.Limit"/>.</param>
    public static ArticleTextStats Measure(string markdownBody, TimeSpan? parseLimit = null)
    {
        var (plain, excerptSource, placedImageIds, malformedImageReferences, tooComplex, shownImages, html) =
            MarkdownRenderer.ToPlainTextForStorage(markdownBody, parseLimit ?? TimedMarkdownParse.Limit);
        // A paragraph's end closes what it leaves open, and a cut can fall between an opener and its closer: shown inline
        // in a list, an override left open in the excerpt reversed the titles after it (Trojan Source), as a given excerpt may not.
        var excerpt = TextRules.WithBalancedBidiControls(
            Excerpts.WithinCharacters(Excerpts.DeriveKeepingLineBreaks(excerptSource, ExcerptMaxLength), ExcerptMaxCharacters));
        return new ArticleTextStats(
            plain,
            !HasCharacters(excerptSource) ? "" : excerpt, // only zero-width or format characters: nothing a reader would see
            CountCharacters(plain),
            ReadingTime.Minutes(plain, shownImages),
            placedImageIds,
            malformedImageReferences,
            tooComplex,
            html);
    }

    /// <summary>
    /// Counts what a reader would call characters: "👍🏽", "é" (e + accent) and "𠀀" are one each; white space and
    /// invisible format characters standing alone (a zero-width space, a soft hyphen, a bidi isolate) are none.
    /// </summary>
    public static int CountCharacters(string text) => CountUpTo(text, int.MaxValue);

    /// <summary>Whether <see cref="CountCharacters"/> would count any: read only up to the first, where counting read the whole article.</summary>
    public static bool HasCharacters(string text) => CountUpTo(text, 1) > 0;

    private static int CountUpTo(string text, int most)
    {
        var count = 0;
        for (var start = 0; start < text.Length && count < most;)
        {
            var length = Graphemes.LengthAt(text, start);
            if (IsSeen(text.AsSpan(start, length)))
            {
                count++;
            }
            start += length;
        }
        return count;
    }

    private static bool IsSeen(ReadOnlySpan<char> element) => !Graphemes.IsWhitespace(element) && !IsInvisible(element);

    /// <summary>Format characters only, but for the few that are drawn: the Arabic number signs and end of ayah (۝), Syriac and Kaithi marks.</summary>
    private static bool IsInvisible(ReadOnlySpan<char> element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format ||
                rune.Value is (>= 0x0600 and <= 0x0605) or 0x06DD or 0x070F or 0x0890 or 0x0891 or 0x08E2 or 0x110BD or 0x110CD)
            {
                return false;
            }
        }
        return true;
    }
}
