using System.Diagnostics.CodeAnalysis;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// A parsed search query. Terms separated by whitespace, or by punctuation that separates words in a list or a sentence
/// (<c>,，、;；。！？!?</c>, <c>：</c>, and the Arabic <c>،؛؟</c> and Devanagari <c>।</c>, as in pasted keywords "儲能、系統"), must all match; <c>"..."</c> quotes a phrase,
/// as do the quotation marks phones and input methods type for it (<c>“…”</c>, <c>„…“</c>, <c>＂…＂</c>, <c>«…»</c>, <c>「…」</c>, <c>『…』</c>)
/// (a quote that nothing closes is ignored, as search engines ignore it: its words are plain words; a <c>"</c> between two Hebrew letters is a gershayim, part of its word: צה"ל;
/// a quotation mark between two Chinese or Japanese characters is part of their run: 台積電「先進製程」發表 is one term); <c>-word</c> or <c>-"a phrase"</c> excludes (so does the full-width <c>－</c>). Nothing else is syntax: operators,
/// stars, colons and parentheses are ordinary text, and a term's other punctuation joins its words into a phrase
/// ("Qwen3-Max", "Node.js") but parts it next to a Chinese, Japanese or Korean word (<see cref="QueryTermParts"/>);
/// text without letters, digits or emoji is ignored.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 256;
    /// <summary>
    /// Each term is a phrase FTS5 checks and ranking walks the matches of every phrase together: 32 one-character
    /// terms took 1.5 s against a body of that character repeated 250,000 times, and the cost grows with the square
    /// of their number. Sixteen words are more than a search box is given; a pasted sentence is one quoted phrase.
    /// The parts of a term cut at punctuation (<see cref="QueryTermParts"/>) are phrases and count; a term whose parts
    /// would pass the limit is one phrase again (<see cref="WithinTermLimit"/>), so only a query typed with more than
    /// sixteen terms is refused.
    /// </summary>
    public const int MaxTerms = 16;

    public const string EmptyMessage = "The search query must contain at least one word (letters or digits) or emoji.";
    public const string OnlyExclusionsMessage = "The search query must contain at least one word that is not excluded with '-'.";
    public static readonly string TooLongMessage = $"The search query must be at most {MaxLength} characters long.";
    /// <summary>
    /// Most index tokens the excluded terms may hold in all (about 16 Chinese characters): they are matched whole, since
    /// matching an excluded phrase by its start would drop articles that only begin the same way.
    /// </summary>
    public const int MaxExcludedTokens = Fts5Match.MaxTokens / 2;

    public static readonly string TooMuchExcludedMessage =
        $"The words and phrases the search query excludes with '-' must be shorter: at most {MaxExcludedTokens} index tokens in all (a word is one, a word of letters and digits such as GPT4o one or two per run, a Chinese character about two).";
    public static readonly string TooManyTermsMessage = $"The search query must have at most {MaxTerms} words or phrases (quote a sentence to search for it as one phrase).";

    private SearchQuery(IReadOnlyList<SearchTerm> terms, string? error) => (Terms, Error) = (terms, error);

    /// <summary>All terms, included and excluded; empty when the query is invalid.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>Why the query cannot run (for a 400 response), or null.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public IEnumerable<SearchTerm> IncludedTerms => Terms.Where(t => !t.IsExcluded);

    public IEnumerable<SearchTerm> ExcludedTerms => Terms.Where(t => t.IsExcluded);

    /// <summary>
    /// Never throws. Over-long queries are rejected rather than truncated: dropping terms would silently widen the
    /// results.
    /// </summary>
    public static SearchQuery Parse(string? userQuery)
    {
        var query = (userQuery ?? "").Trim();
        if (CharacterLimit.Count(query) > MaxLength)
        {
            return Invalid(TooLongMessage);
        }
        var terms = WithinTermLimit(Split(query).ToList());
        if (terms.Count > MaxTerms)
        {
            return Invalid(TooManyTermsMessage);
        }
        if (terms.Count == 0)
        {
            return Invalid(EmptyMessage);
        }
        if (terms.All(t => t.IsExcluded))
        {
            return Invalid(OnlyExclusionsMessage);
        }
        return terms.Where(t => t.IsExcluded).Sum(t => t.ExcludedTokens.Sum(tokens => tokens.Count)) > MaxExcludedTokens ? Invalid(TooMuchExcludedMessage) : new SearchQuery(terms, null);
    }

    private static SearchQuery Invalid(string error) => new([], error);

    /// <summary>A term as typed and the parts it is cut into (itself alone when quoted, excluded or not cut).</summary>
    private sealed record TypedTerm(string Text, bool IsExcluded, IReadOnlyList<string> Parts);

    /// <summary>
    /// The typed terms' parts that hold a word, but a term cut into the most parts is one phrase again while they pass
    /// <see cref="MaxTerms"/>: a pasted text with a slash or a hyphen between its Chinese words was one term, searched as
    /// its words in a row (<see cref="SearchTerm.Forms"/>), and its parts alone would be a 400 for a query of one term.
    /// </summary>
    private static List<SearchTerm> WithinTermLimit(List<TypedTerm> typed)
    {
        var parts = typed.Select(term => term.Parts.Select(part => new SearchTerm(part, term.IsExcluded)).Where(t => t.Units.Count > 0).ToList()).ToList();
        while (parts.Sum(p => p.Count) > MaxTerms && parts.MaxBy(p => p.Count) is { Count: > 1 } most)
        {
            var i = parts.IndexOf(most);
            parts[i] = [new SearchTerm(typed[i].Text, typed[i].IsExcluded)];
        }
        return [.. parts.SelectMany(p => p)];
    }

    private static IEnumerable<TypedTerm> Split(string query)
    {
        var i = 0;
        while (i < query.Length)
        {
            if (IsSeparator(query[i]))
            {
                i++;
                continue;
            }
            var excluded = query[i] is '-' or FullWidthMinus && i + 1 < query.Length && !IsSeparator(query[i + 1]);
            if (excluded)
            {
                i++;
            }
            int start, end;
            // A quote that opens a term is one, whatever stands after its partner ("台積電"發表); inside a term, one
            // between two Chinese or Japanese characters is part of their run (台積電「先進製程」發表).
            var close = IsQuoteMark(query, i) ? ClosingQuote(query, i + 1) : -1;
            if (close >= 0)
            {
                start = i + 1;
                end = close;
                i = close + 1;
            }
            else
            {
                if (IsQuoteMark(query, i))
                {
                    i++; // a quote nothing closes quotes nothing
                }
                start = i;
                while (i < query.Length && (!IsSeparator(query[i]) || TextUnits.IsDigitGroupComma(query, i)) && !IsQuote(query, i))
                {
                    i++;
                }
                end = i;
                if (!excluded)
                {
                    yield return new TypedTerm(query[start..end], IsExcluded: false, [.. QueryTermParts.Of(query[start..end])]);
                    continue;
                }
            }
            yield return new TypedTerm(query[start..end], excluded, [query[start..end]]);
        }
    }

    /// <summary>
    /// The quote that closes a phrase, or -1: not one typed for a gershayim (צה"ל), which is part of its word, nor a
    /// corner bracket that a bracket inside the phrase opened (“台積電「先進製程」發表”).
    /// </summary>
    private static int ClosingQuote(string query, int start)
    {
        var nested = 0;
        for (var i = start; i < query.Length; i++)
        {
            if (!IsQuoteMark(query, i))
            {
                continue;
            }
            if (query[i] is '「' or '『')
            {
                nested++;
            }
            else if (query[i] is '」' or '』' && nested > 0)
            {
                nested--;
            }
            else
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// A quotation mark that opens or closes a phrase: the ASCII one, and those phones, word processors and input methods
    /// type for it (iOS smart punctuation and a Chinese IME write “ ”, German „ “, French « », full-width ＂, Traditional
    /// Chinese and Japanese the corner brackets 「 」 and 『 』), any of which may close what another opened; not a <c>"</c> typed for a Hebrew gershayim (צה"ל),
    /// nor one between two Chinese or Japanese characters, which is part of their run as the index reads it ("台積電「先進製程」發表").
    /// </summary>
    private static bool IsQuote(string query, int i) => IsQuoteMark(query, i) && !TextUnits.StandsInsideCjkRun(query, i);

    private static bool IsQuoteMark(string query, int i) => QuotationMarks.Contains(query[i]) && (query[i] != '"' || !HebrewWordMarks.At(query, i));

    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("\"“”„‟＂«»「」『』");

    /// <summary>What an input method in full-width mode types for "-": it excludes too, as its full-width ＂ quotes.</summary>
    private const char FullWidthMinus = '－';

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || Separators.Contains(c);

    private const string Separators = ",，、;；。！？!?：،؛؟।";
}
