using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Rendering;

/// <summary>
/// Element ids for the headings of one document, handed out in document order so the same Markdown always
/// gives the same ids: the lowercased text with letters and digits of any script kept ("發布會現場" stays as
/// it is) and everything else turned into single hyphens; "-2", "-3" for repeats; "section-N" (the heading's
/// position) when the text has no letters or digits. As in a derived slug, a word is kept whole around an apostrophe
/// and a Hebrew gershayim or geresh (or the " and ' typed for them: <see cref="HebrewWordMarks"/>), and the points of
/// Hebrew and Arabic and the tatweel are left out (<see cref="AbjadPoints"/>): "צה״ל" and "צה"ל" are "צהל", "שָׁלוֹם" is
/// "שלום"; a format character is left out as if absent (<see cref="Slugs.IsLeftOutOfWords"/>: "台北\u200B市" is "台北市"); unlike a slug, an id keeps other accents ("café").
/// An id is in Unicode NFC whatever form the heading was typed in (<see cref="InCanonicalForm"/>).
/// </summary>
internal sealed class HeadingIds
{
    public const int MaxLength = 80;

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _repeats = new(StringComparer.Ordinal);
    private int _headings;

    /// <summary>Ids tried and found taken so far: what handing out the ids has cost.</summary>
    internal int Collisions { get; private set; }

    public string Next(string headingText)
    {
        _headings++;
        var candidate = FromText(headingText);
        if (candidate.Length == 0)
        {
            candidate = "section-" + _headings.ToString(CultureInfo.InvariantCulture);
        }
        var id = candidate;
        // Each repeat of a heading starts counting where the previous one stopped: counting from 2 every time made
        // n equal headings cost n² lookups (50,000 of them took minutes to render).
        var repeat = _repeats.GetValueOrDefault(candidate, 2);
        while (!_used.Add(id))
        {
            Collisions++;
            id = candidate + "-" + repeat.ToString(CultureInfo.InvariantCulture);
            repeat++;
        }
        _repeats[candidate] = repeat;
        return id;
    }

    public static string FromText(string text)
    {
        text = InCanonicalForm(text);
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        var next = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var index = next;
            next += rune.Utf16SequenceLength;
            if (rune.Value is '\'' or '’' || Slugs.IsLeftOutOfWords(text, index, rune) || AbjadPoints.IsLeftOutOfNames(rune.Value) || HebrewWordMarks.At(text, index))
            {
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (!Rune.IsLetterOrDigit(rune) && !IsNumber(category) && !(isMark && builder.Length > 0 && !pendingHyphen))
            {
                pendingHyphen = true;
                continue;
            }
            if (pendingHyphen && builder.Length > 0)
            {
                builder.Append('-');
            }
            pendingHyphen = false;
            // .NET's invariant lowercasing leaves the Turkish capital İ as it is; its lowercase is i with a dot, an i.
            builder.Append(rune.Value == 'İ' ? "i" : Rune.ToLowerInvariant(rune).ToString());
        }
        var id = FinalSigmas.In(builder.ToString());
        var characters = Graphemes.Split(id);
        return characters.Count <= MaxLength ? id : string.Concat(characters.Take(MaxLength)).TrimEnd('-');
    }

    /// <summary>
    /// A number written without digits: 〇, the zero of Chinese and Japanese numbers ("二〇二五年"), Roman numerals ("第Ⅱ章")
    /// and circled digits ("①"), which a slug reads as letters or digits in NFKC and GitHub's ids keep.
    /// </summary>
    private static bool IsNumber(UnicodeCategory category) => category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>
    /// The text in Unicode NFC, so that a heading or a link typed decomposed (NFD: "Tiếng Việt" from a macOS file name,
    /// Hangul as jamo) gives and finds the id one typed composed does; the body keeps the form it was sent in. NFC also
    /// decomposes Hebrew presentation forms (U+FB1D-U+FB4F: שׁ is ש and a shin dot, which Unicode never composes again),
    /// so that their points are left out as a slug, which decomposes everything, leaves them out. Full-width letters stay
    /// as they are written, as in GitHub's ids. Text that is not valid UTF-16 (a lone surrogate), which has no normal
    /// form, is left as it is, and so is a character longer than <see cref="NormalizedText.MostCharacterLength"/>: the text
    /// either side of it is normalized apart from it, which NFC allows, as no mark reorders or composes across the start of
    /// a character.
    /// </summary>
    internal static string InCanonicalForm(string text)
    {
        StringBuilder? built = null;
        var copied = 0;
        for (var start = 0; start < text.Length;)
        {
            var length = Graphemes.LengthAt(text, start);
            if (length > NormalizedText.MostCharacterLength)
            {
                built ??= new StringBuilder(text.Length);
                built.Append(Normalized(text[copied..start])).Append(text, start, length);
                copied = start + length;
            }
            start += length;
        }
        return built is null ? Normalized(text) : built.Append(Normalized(text[copied..])).ToString();
    }

    private static string Normalized(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
