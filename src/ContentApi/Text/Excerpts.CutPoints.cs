using System.Text;

namespace ContentApi.Text;

/// <summary>Where a cut may fall: sentence and clause ends (not an abbreviation's, not inside quotes), word boundaries, never inside a number.</summary>
public static partial class Excerpts
{
    /// <summary>
    /// The length of the longest prefix ending with a terminator and its closing quotes or brackets; with
    /// <paramref name="quoted"/>, only one that leaves no quotation or bracket open.
    /// </summary>
    private static int? LastSentenceEnd(List<string> elements, int minimum, int budget, string terminators, bool[]? quoted = null)
    {
        for (var i = budget - 1; i >= minimum - 1; i--)
        {
            if (!terminators.Contains(elements[i], StringComparison.Ordinal))
            {
                continue;
            }
            var end = i + 1;
            while (end < elements.Count && Closers.Contains(elements[end], StringComparison.Ordinal))
            {
                end++;
            }
            if (end <= budget && EndsSentence(elements[i][0], end < elements.Count ? elements[end] : null) && quoted?[end] != true && !SplitsNumber(elements, end)
                && !EndsAbbreviation(elements, i) && !(SentenceEnds.Contains(elements[i], StringComparison.Ordinal) && LowercaseFollows(elements, end)))
            {
                return end;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the full stop at <paramref name="stop"/> may end an abbreviation or an initial ("Dr.", "U.S.", "J."), not
    /// a sentence: no cut there, which read as whole without its ellipsis and stopped short with it
    /// ("…joined by Dr.…" at 156 characters, where a word break near 200 was free).
    /// </summary>
    private static bool EndsAbbreviation(List<string> elements, int stop)
    {
        if (elements[stop] != ".")
        {
            return false;
        }
        var start = stop;
        while (start > 0 && elements[start - 1].Length == 1 && char.IsAsciiLetter(elements[start - 1][0]))
        {
            start--;
        }
        var word = string.Concat(elements.Skip(start).Take(stop - start));
        return word.Length > 0 && char.IsAsciiLetterUpper(word[0]) && (word.Length <= 2 || Abbreviations.Contains(word));
    }

    /// <summary>
    /// Whether a word in lowercase follows the stop's space: in a script with case no sentence starts so, so the stop
    /// ends an abbreviation or a name ("3 p.m. on Friday", "e.g. the", "ст. в", "Yahoo! said"). Not asked of a clause
    /// end, which a lowercase word follows as a rule ("prices rose; the bank").
    /// </summary>
    private static bool LowercaseFollows(List<string> elements, int end) =>
        end + 1 < elements.Count && Graphemes.IsWhitespace(elements[end]) && char.IsLower(elements[end + 1][0]);

    private static readonly HashSet<string> Abbreviations =
        ["Mrs", "Inc", "Ltd", "Corp", "Prof", "Gen", "Sen", "Rep", "Gov", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Dept", "Univ"];

    /// <summary>
    /// For each prefix length up to <paramref name="budget"/>, whether it leaves a quotation or bracket open: CJK
    /// brackets, parentheses, curly double quotes (“…” and the German and Czech „…“ and „…”), and straight double
    /// quotes by their parity.
    /// </summary>
    private static bool[] Quoted(List<string> elements, int budget)
    {
        var quoted = new bool[budget + 1];
        var (open, straight) = (new Stack<string>(), false);
        for (var length = 1; length <= budget; length++)
        {
            switch (elements[length - 1])
            {
                case "“" when open.TryPeek(out var opener) && opener == "„":
                    open.Pop();
                    break;
                case "「" or "『" or "（" or "(" or "《" or "〈" or "【" or "[" or "“" or "„":
                    open.Push(elements[length - 1]);
                    break;
                case "」" or "』" or "）" or ")" or "》" or "〉" or "】" or "]" or "”":
                    open.TryPop(out _);
                    break;
                case "\"":
                    straight = !straight;
                    break;
            }
            quoted[length] = open.Count > 0 || straight;
        }
        return quoted;
    }

    /// <summary>
    /// Whether a terminator ends a sentence where it stands. An ASCII stop must be followed by a space: "3.5", "Qwen2.5"
    /// and "ifanr.com" are not sentence ends. The full-width full stop, which Japanese follows with no space, must not
    /// be followed by a Latin letter or digit: "３．５" and "ｉｆａｎｒ．ｃｏｍ" are not either. The Hebrew sof pasuq ׃ ends one
    /// as the ASCII stop does, before a space.
    /// </summary>
    internal static bool EndsSentence(char terminator, string? next) => terminator switch
    {
        < '\u0080' or '׃' => next is null || Graphemes.IsWhitespace(next),
        '．' => next is null || !IsLatinLetterOrDigit(next[0]),
        _ => true,
    };

    /// <summary>An ASCII letter or digit, or its full-width form (Ｑ, ３).</summary>
    private static bool IsLatinLetterOrDigit(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is (>= '０' and <= '９') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');

    /// <summary>
    /// The length of the longest prefix that ends between two words, or beside a Chinese or Japanese character or CJK
    /// punctuation, which run on without spaces; not between two Hangul syllables, which Korean spaces into words as
    /// English does (a cut there fell inside a word: "…국무회…"), nor inside a katakana word. Japanese
    /// (<see cref="JapaneseCuts.IsJapanese"/>, as the excerpt's text reads) is cut where a phrase ends
    /// (<see cref="JapaneseCuts.EndsPhrase"/>) when one is in reach: a cut beside any character fell inside a word
    /// ("…コーポレー…", "…政府は国土交…").
    /// </summary>
    internal static int? LastWordBoundary(List<string> elements, int minimum, int budget)
    {
        var japanese = JapaneseCuts.IsJapanese(elements.Take(budget + 1).Select(Graphemes.FirstRune));
        return (japanese ? LastBoundary(elements, minimum, budget, JapaneseCuts.EndsPhrase) : null)
            ?? LastBoundary(elements, minimum, budget, static (_, _) => true);
    }

    private static int? LastBoundary(List<string> elements, int minimum, int budget, Func<Rune, Rune, bool> preferred)
    {
        for (var length = budget; length >= minimum; length--)
        {
            var (before, after) = (Graphemes.FirstRune(elements[length - 1]), Graphemes.FirstRune(elements[length]));
            var isBoundary = Graphemes.IsWhitespace(elements[length]) || Graphemes.IsWhitespace(elements[length - 1])
                || ((Cjk.IsUnspaced(before) || Cjk.IsUnspaced(after)) && !JapaneseCuts.SplitsWord(before, after));
            if (isBoundary && preferred(before, after) && !SplitsNumber(elements, length))
            {
                return length;
            }
        }
        return null;
    }

    /// <summary>The separators of a number's digit groups or of its decimals: "３，０００", "4，600", "１、０００", "3.5", "３．５".</summary>
    private const string NumberSeparators = "，,､、．.";

    /// <summary>
    /// Whether a cut after the first <paramref name="length"/> elements falls inside a number: between two digits, or
    /// at a separator that stands between two (half- or full-width): "…新台幣３，…" read NT$3 for NT$300 billion.
    /// </summary>
    private static bool SplitsNumber(List<string> elements, int length)
    {
        bool IsDigitAt(int i) => i >= 0 && i < elements.Count && Rune.IsDigit(Graphemes.FirstRune(elements[i]));
        bool IsSeparatorAt(int i) => i >= 0 && i < elements.Count && NumberSeparators.Contains(elements[i], StringComparison.Ordinal);
        return (IsDigitAt(length - 1) && IsDigitAt(length))
            || (IsSeparatorAt(length - 1) && IsDigitAt(length - 2) && IsDigitAt(length))
            || (IsSeparatorAt(length) && IsDigitAt(length - 1) && IsDigitAt(length + 1));
    }
}
