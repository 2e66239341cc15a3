using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Short summaries cut from plain text. A cut falls, in order of preference, after the last sentence end
/// (<see cref="SentenceEnds"/>), after the last clause end (；;), after the last Chinese or Japanese comma (，、), at the last word boundary (a space, or beside a
/// Chinese or Japanese character or CJK punctuation; Korean is spaced; Japanese preferably where a phrase ends), or else between two grapheme clusters; never inside one,
/// and never inside a number at a boundary (between its digits or at the comma or stop between two: "３，０００", "4，600"). Only the second half of the
/// allowed length is searched for a boundary, so an early full stop does not leave a stub.
/// </summary>
public static partial class Excerpts
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Full stops, question and exclamation marks: CJK (and the half-width ｡), Latin (and ‼ ⁇ ⁈ ⁉), Arabic ؟ and ۔
    /// (Urdu), the Devanagari dandas । ॥ (also Bengali's), Armenian ։, Ethiopic ። ፧, Myanmar ။ and Khmer ។, and the Hebrew
    /// sof pasuq ׃, the full stop of scripture and liturgy.
    /// </summary>
    internal const string SentenceEnds = "。｡！？．.!?‼⁇⁈⁉؟۔।॥։።፧။។׃";
    /// <summary>Semicolons: CJK, Latin and Arabic (؛).</summary>
    private const string ClauseEnds = "；;؛";

    /// <summary>
    /// The commas that end a clause in Chinese and Japanese (，、 and the half-width ､), whose long sentences often run on
    /// with commas alone: a cut after one keeps whole clauses, where a cut beside any character fell mid-word ("…持續強勁帶…").
    /// </summary>
    private const string CjkCommas = "，、､";

    /// <summary>What may close a sentence after its stop: CJK brackets, curly and straight quotes, » and › (French, Arabic).</summary>
    internal const string Closers = "」』”’\"')）》〉】]»›";

    /// <summary>
    /// What a cut between words drops at its end: commas (also Arabic ،), colons, semicolons, dashes, the dots between
    /// the parts of a name (Japanese ・, Chinese ·, Taiwanese ‧: "…マイクロソフト・…" read as a name cut short), and the brackets
    /// that open what the cut leaves out ("他說「…" opened a quote it never showed). Not curly quotes or guillemets,
    /// which close quotes in German and Danish („Wir kommen“).
    /// </summary>
    private const string TrailingSeparators = ",，、､،:：;；؛-–—・·‧「『(（《〈【[";

    /// <summary>At most <paramref name="maxLength"/> grapheme clusters, the ellipsis included when the text was cut.</summary>
    public static string Derive(string plainText, int maxLength) => ShownAs(DeriveKeepingLineBreaks(plainText, maxLength));

    /// <summary>
    /// <see cref="Derive"/>, but with a line break, not a space, where the excerpt joins two lines of the text (its
    /// paragraphs, once headings are left out): as search indexes it, so that no Chinese run reads across the join.
    /// </summary>
    public static string DeriveKeepingLineBreaks(string plainText, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var source = ClosingCredit.Without(WithoutByline(plainText));
        var head = Prefix(source, maxLength);
        var text = CollapseWhitespace(head);
        var elements = Graphemes.Split(text);
        if (elements.Count <= maxLength && head.Length < source.Length)
        {
            text = CollapseWhitespace(source); // the prefix held mostly whitespace: look at everything
            elements = Graphemes.Split(text);
        }
        if (elements.Count <= maxLength)
        {
            return text;
        }

        var budget = maxLength - Ellipsis.Length;
        var minimum = maxLength / 2;
        // A whole sentence, outside any quotation, needs no ellipsis after its stop ("…were affected.…" made frontends
        // strip it); one inside a quotation that goes on, or a clause, does ("他說：「…。" never closed its quote).
        var quoted = Quoted(elements, budget);
        if (LastSentenceEnd(elements, minimum, budget, SentenceEnds, quoted) is { } sentence)
        {
            return string.Concat(elements.Take(sentence));
        }
        var cut = LastSentenceEnd(elements, minimum, budget, SentenceEnds) ?? LastSentenceEnd(elements, minimum, budget, ClauseEnds);
        if (cut is not null)
        {
            return string.Concat(elements.Take(cut.Value)) + Ellipsis;
        }
        var kept = string.Concat(elements.Take(LastSentenceEnd(elements, minimum, budget, CjkCommas) ?? LastWordBoundary(elements, minimum, budget) ?? budget));
        return WithoutTrailingSeparators(kept) + Ellipsis;
    }

    /// <summary>
    /// The kept text without what a cut between words drops at its end, in any order down to its last word: white space,
    /// <see cref="TrailingSeparators"/>, and bidirectional embeddings and isolates opened there, which open nothing and
    /// which <see cref="TextRules.WithBalancedBidiControls"/> drops later. Trimmed once each, an opener the cut fell after
    /// left what stood before it: "…said, (" kept "said,…", and "…said \u2067(" read "said …".
    /// </summary>
    private static string WithoutTrailingSeparators(string kept) => kept[..EndWithoutTrailingSeparators(kept, 0, kept.Length)];

    /// <summary>
    /// Where the text kept from <paramref name="start"/> to <paramref name="end"/> ends once a cut between words drops
    /// what it drops at its end (<see cref="WithoutTrailingSeparators"/>): a search snippet's end is cut as an excerpt's.
    /// </summary>
    internal static int EndWithoutTrailingSeparators(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || TrailingSeparators.Contains(text[end - 1], StringComparison.Ordinal)
            || TextRules.OpensBidiRun(text[end - 1])))
        {
            end--;
        }
        return end;
    }

    /// <summary>
    /// An excerpt cut further, at a grapheme cluster, to at most <paramref name="maxCharacters"/> scalar values: 200
    /// clusters heavy with combining marks held 9,024, more than a request may send back as its excerpt.
    /// </summary>
    public static string WithinCharacters(string excerpt, int maxCharacters)
    {
        if (CharacterLimit.Count(excerpt) <= maxCharacters)
        {
            return excerpt;
        }
        var builder = new StringBuilder();
        var characters = 0;
        foreach (var element in Graphemes.Split(excerpt))
        {
            var count = CharacterLimit.Count(element);
            if (characters + count > maxCharacters - Ellipsis.Length)
            {
                break;
            }
            builder.Append(element);
            characters += count;
        }
        return builder.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Enough of a long text to cut the excerpt from: a cluster is rarely longer than a dozen UTF-16 units, so
    /// 32 units per allowed cluster always holds more clusters than the excerpt keeps (and more whitespace
    /// than collapsing can remove), while a 3,000-character article is not split into clusters whole.
    /// </summary>
    private static string Prefix(string text, int maxLength)
    {
        var keep = maxLength * 32;
        var end = 0;
        while (end < keep && end < text.Length)
        {
            end += Graphemes.LengthAt(text, end);
        }
        return end >= text.Length ? text : text[..end];
    }

    /// <summary>An excerpt <see cref="DeriveKeepingLineBreaks"/> derived, as it is shown: its line breaks as spaces.</summary>
    public static string ShownAs(string excerptKeepingLineBreaks) => excerptKeepingLineBreaks.Replace('\n', ' ');

    /// <summary>
    /// Each run of whitespace (between paragraphs, list items, words) as one space (a line break if it holds one or a
    /// tab, which <see cref="ShownAs"/> shows as a space), or as nothing beside CJK punctuation,
    /// which already separates (<see cref="Cjk.CarriesItsOwnSpace"/>): "…取得 69.6 分。 政府提出…" reads "…分。政府提出…",
    /// and "…努力。” 市场人士…" "…努力。”市场人士…"; a full-width space inside the text stays as written ("記者　王小明").
    /// </summary>
    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var (pendingSpace, pendingLineBreak) = (false, false);
        var (beforePrevious, previous) = (default(Rune?), default(Rune));
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.AsSpan().Trim().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) && Cjk.IsCollapsibleWhitespace((char)rune.Value))
            {
                pendingSpace = true;
                pendingLineBreak |= TextRules.IsLineBreak((char)rune.Value) || rune.Value == '\t'; // a tab parts a table's cells, as search reads it
                continue;
            }
            if (pendingSpace && !Cjk.CarriesItsOwnSpace(beforePrevious, previous, rune))
            {
                builder.Append(pendingLineBreak && !ExtendsASpace(rune) ? '\n' : ' ');
            }
            (pendingSpace, pendingLineBreak) = (false, false);
            builder.Append(units[..rune.EncodeToUtf16(units)]);
            (beforePrevious, previous) = (previous, rune);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A mark or joiner a space before it carries in its grapheme cluster, where a line break would not: there the join
    /// stays a space, so that the excerpt, cut in clusters, is cut where the one shown would be.
    /// </summary>
    private static bool ExtendsASpace(Rune rune) => StringInfo.GetNextTextElementLength(" " + rune.ToString()) > 1;
}
