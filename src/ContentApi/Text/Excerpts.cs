using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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
    /// (Urdu), the Devanagari dandas । ॥ (also Bengali's), Armenian ։, Ethiopic ። ፧, Myanmar ။ and Khmer ។.
    /// </summary>
    internal const string SentenceEnds = "。｡！？．.!?‼⁇⁈⁉؟۔।॥։።፧။។";
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
    /// be followed by a Latin letter or digit: "３．５" and "ｉｆａｎｒ．ｃｏｍ" are not either.
    /// </summary>
    internal static bool EndsSentence(char terminator, string? next) => terminator switch
    {
        < '\u0080' => next is null || Graphemes.IsWhitespace(next),
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

    /// <summary>Whether the text holds more than the byline or dateline <see cref="Derive"/> leaves out.</summary>
    internal static bool HasProse(string plainText) => WithoutByline(plainText).Trim().Length > 0;

    /// <summary>
    /// Drops the leading bylines such as "作者 | 王小明", "By: Jane Doe", "By Jane Doe and John Roe", "記者王小明／台北報導" or
    /// "（中央社記者王小明台北1日電）", which say nothing about the article, up to <see cref="MaxBylineLines"/> of them
    /// ("作者｜王小明" then "編輯｜李四"); a dateline also when the lead runs on after it on its line
    /// ("（中央社記者王小明台北1日電）行政院今天…", "[서울=연합뉴스] 홍길동 기자 = …", "【ワシントン＝山田太郎】…").
    /// </summary>
    private static string WithoutByline(string text)
    {
        for (var dropped = 0; dropped < MaxBylineLines; dropped++)
        {
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
            var dateline = DatelineRegex().Match(firstLine);
            if (dateline.Success && firstLine[dateline.Length..].Trim().Length > 0)
            {
                return text[dateline.Length..];
            }
            if (firstLineEnd < 0 || !(dateline.Success || (dropped == 0 ? IsBylineLine(firstLine) : IsFurtherBylineLine(firstLine))))
            {
                return text;
            }
            text = text[(firstLineEnd + 1)..].TrimStart();
        }
        return text;
    }

    /// <summary>Writer, editor and photographer, each on a line of their own: more than that is no byline.</summary>
    internal const int MaxBylineLines = 3;

    /// <summary>
    /// A byline after the first: a label and names only ("編輯｜李四", "By Jane Doe"), since a line of an interview
    /// ("記者：你怎麼看這次的選舉結果？") or a sentence ("By: the numbers, it was a good year.") starts the same way.
    /// </summary>
    internal static bool IsFurtherBylineLine(string line)
    {
        var trimmed = line.Trim();
        if (line.Length > MaxBylineLength)
        {
            return false;
        }
        if (ReportBylineRegex().IsMatch(trimmed) || EnglishBylineRegex().IsMatch(trimmed) || ReporterLineRegex().IsMatch(trimmed))
        {
            return true;
        }
        var label = BylineRegex().Match(trimmed) is { Success: true } writer ? writer : PictureBylineRegex().Match(trimmed);
        return label.Success && IsNames(trimmed[label.Length..]);
    }

    /// <summary>What a byline gives after its label: a few names, no sentence.</summary>
    private static bool IsNames(string text)
    {
        var names = text.Trim();
        return names.Length is > 0 and <= MaxNamesLength && names.IndexOfAny(SentencePunctuation) < 0 && !names.EndsWith('.');
    }

    /// <summary>The longest names a further byline gives after its label.</summary>
    private const int MaxNamesLength = 30;

    private static readonly char[] SentencePunctuation = [.. "。．！？!?；;：:"];

    /// <summary>The longest line taken for a byline.</summary>
    internal const int MaxBylineLength = 60;

    /// <summary>
    /// Whether this line is a byline that the excerpt leaves out, when it starts the text. A paragraph's lines are joined
    /// before an excerpt is cut from it, so <see cref="Rendering.ExcerptSource"/> keeps such a line apart.
    /// </summary>
    internal static bool IsBylineLine(string line) => line.Length <= MaxBylineLength && IsByline(line.Trim());

    private static bool IsByline(string line)
    {
        var undated = DateAfterBar().Replace(line, "");
        return BylineRegex().IsMatch(undated) || ReportBylineRegex().IsMatch(undated) || EnglishBylineRegex().IsMatch(undated)
            || ReporterLineRegex().IsMatch(undated) || TimestampLine().IsMatch(line) || FollowPrompt().IsMatch(line)
            || (SourceLabel().Match(line) is { Success: true } source && IsNames(line[source.Length..]));
    }

    private const string Months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private const string Date = $@"(?:\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?|{Months}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{Months}\s+\d{{4}})";
    private const string Time = @"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?(?:\s*[A-Z]{2,4}\b)?)";
    private const string Timestamp = $@"(?:(?i:updated|published|posted|last\s+updated)(?:\s+on)?\s*:?\s*|(?:更新時間|更新时间|發布時間|发布时间|發佈時間|更新日時?|公開日時?|更新|發布|发布|発行)\s*[:：]?\s*)?{Date}(?:\s*,?\s*(?:at\s+)?{Time})?";

    /// <summary>
    /// A line that only dates the article, as pages put one above the lead: "Updated Dec 4, 2025, 10:00 a.m. ET",
    /// "更新時間：2025/12/04 10:00", "2025年12月4日 10:00 (2025年12月4日 12:30更新)".
    /// </summary>
    [GeneratedRegex($@"^{Timestamp}(?:\s*[(（]\s*{Timestamp}\s*(?:更新|(?i:updated))?\s*[)）])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLine();

    /// <summary>A date after a byline and a bar: "By Jane Doe | December 4, 2025".</summary>
    [GeneratedRegex($@"\s*[|｜·•]\s*{Timestamp}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateAfterBar();

    /// <summary>A WeChat account's prompt to follow it, above the article: "点击上方蓝字关注我们", "👆点击“硅星人”关注我们".</summary>
    [GeneratedRegex(@"^\W{0,3}(?:点击|點擊)[^\n。，！？,]{0,24}(?:关注|關注)[^\n。，！？,]{0,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex FollowPrompt();

    /// <summary>Where a reposted article comes from, as a line above its lead: "来源：新华社" (with names only after it).</summary>
    [GeneratedRegex(@"^\s*(?:来源|來源|稿源)\s*[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();

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

    [GeneratedRegex(@"^\s*(作者|文|撰文|記者|记者|編輯|编辑|責編|责编|編譯|编译|翻譯|翻译|攝影|摄影|by|автор|текст|كتب|بقلم|글|기자|작성자)\s*[|｜:：/／=]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    /// <summary>Who made the pictures or the layout, as a byline after the writer's gives them ("文 | 王小明" then "图 | 李四").</summary>
    [GeneratedRegex(@"^\s*(?:圖|图|圖片|图片|設計|设计|視覺|视觉|美編|美编|排版)\s*[|｜/／]", RegexOptions.CultureInvariant)]
    private static partial Regex PictureBylineRegex();

    /// <summary>
    /// A Taiwanese reporter's byline: "記者王小明／台北報導", "【記者王小明／台北報導】", and the Liberty Times' in tortoise-shell
    /// brackets, a reporter's or a desk's: "〔記者王小明／台北報導〕", "〔即時新聞／綜合報導〕"; perhaps after the paper's name, as
    /// the United Daily News writes it: "聯合報／ 記者王小明／台北即時報導".
    /// </summary>
    [GeneratedRegex(@"^(?:(?:\p{L}{2,8}\s*[／/]\s*)?[【\[]?\s*(?:記者|记者)[^\s／/，,：:、。]{1,12}[／/][^\s／/，,：:、。]{1,12}(?:報導|报道)\s*[】\]]?|" + SlashReportDateline + ")$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportBylineRegex();

    /// <summary>
    /// A Chinese paper's reporter line, without a label: the paper (or "本报") and "记者" before the names, perhaps an intern
    /// or correspondent after them ("澎湃新闻记者 王小明", "新京报记者 王小明 李四", "本报记者 王小明 实习生 李四", "記者 王小明");
    /// without the paper, a space sets the names apart ("记者节快乐" is no byline).
    /// </summary>
    [GeneratedRegex(@"^[□■◎●○◇◆]?\s*(?:\p{IsCJKUnifiedIdeographs}{1,8}?(?:記者|记者|特約記者|特约记者|見習記者|见习记者)\s*|(?:記者|记者|特約記者|特约记者|見習記者|见习记者)\s+)[\p{IsCJKUnifiedIdeographs}·]{2,4}(?:[\s、，,]+(?:(?:記者|记者|實習生|实习生|通訊員|通讯员)\s*)?[\p{IsCJKUnifiedIdeographs}·]{2,4})*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterLineRegex();

    /// <summary>A reporter's or a desk's report in brackets, as Taiwanese papers open the lead: "【財經中心／台北報導】", the Liberty Times' "〔記者王小明／台北報導〕".</summary>
    private const string SlashReportDateline = @"[〔【][^\s〔〕【】／/，,：:、。]{1,12}[／/][^\s〔〕【】／/，,：:、。]{1,12}(?:報導|报道)[〕】]";

    /// <summary>
    /// A news agency's or newspaper's dateline opening the lead, and the space after it: "（中央社記者王小明台北1日電）",
    /// "【記者王小明／台北報導】", "〔記者王小明／台北報導〕", Yonhap's "(서울=연합뉴스) 홍길동 기자 = " (Newsis brackets it: "[서울=뉴시스]"), Xinhua's
    /// "新华社北京10月4日电（记者李明）", a Chinese paper's "本报讯（记者 李明）", a Japanese paper's "【ワシントン＝山田太郎】";
    /// the CNA's without a reporter or for a roundup ("（中央社台北5日電）", "（中央社華盛頓5日綜合外電報導）"), Kyodo's and
    /// Jiji's "【ワシントン共同】", "【北京時事】"; a bracketed report with its reporter ("【环球时报报道 记者 李明】"), an agency's
    /// Japanese edition's "（ソウル＝聯合ニュース）", a Chinese news site's "央视网消息：", a foreign agency's in Chinese,
    /// "（路透社華盛頓4日電）", a Taiwanese desk's "【財經中心／台北報導】", a Korean paper's bracketed reporter, "[이데일리 김철수 기자]",
    /// Reuters' Japanese edition's "［東京　２日　ロイター］ -", and the English wires' "WASHINGTON, Dec 4 (Reuters) -",
    /// "WASHINGTON (AP) —" (a place and a dash alone, "LONDON —", may be a name: "NASA — the agency — said").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:[（(【\[]\s*(?:(?:中央社|中新社|新華社|新华社)?(?:記者|记者)|中央社|路透社?|法新社|美聯社|美联社|彭博社?|共同社|韓聯社|韩联社|塔斯社|歐新社|欧新社|德新社)[^\s，,：:、。（()）]{1,20}(?:電|电|報導|报道)\s*[）)】\]]" +
        "|" + SlashReportDateline +
        @"|[\[(（【][^\])）】\n=]{1,12}=(?:연합뉴스|뉴시스|뉴스1)[\])）】](?:\s*[^\s=\])）]{1,12}(?:\s+[^\s=\])）]{1,12})?\s*(?:기자|특파원)\s*=)?" +
        @"|(?:新華社|新华社|中新社|中新網|中新网|人民網|人民网|本報|本报)[\p{L}]{1,12}?\d{1,2}月\d{1,2}日(?:電|电)(?:\s*[（(]\s*(?:記者|记者)[^\n（()）]{1,30}[）)])?" +
        @"|(?:本報訊|本报讯)\s*[（(]\s*(?:記者|记者)[^\n（()）]{1,30}[）)]" +
        @"|【[\p{L}\p{M}・ ]{1,15}[＝=][\p{L}\p{M}・ ]{1,20}】|【[\p{L}\p{M}・ ]{1,15}?(?:共同|時事)】" +
        @"|【[^【】\n]{0,20}?(?:記者|记者)\s*[\p{L}·・ ]{2,12}】" +
        @"|[（(][\p{L}\p{M}・ ]{1,15}[＝=](?:聯合ニュース|共同|時事|新華社|ロイター|ＡＦＰ|AFP|ＡＰ|AP)[）)]" +
        @"|[\p{L}]{1,8}(?:網|网|台|社|報|报)(?:消息|訊|讯)[：:]" +
        @"|\[(?:[^\]\n=]{1,15}?[\s=])?\p{IsHangulSyllables}{2,4}\s?(?:기자|특파원)\]" +
        @"|[［\[][^\]］\n]{1,20}?(?:ロイター|ブルームバーグ)\s*[］\]](?:\s*[-－–—])?" +
        @"|[A-Z][A-Z.'’ -]{1,30}?(?:,\s*[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2})?\s*\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|Kyodo|Yonhap)\)\s*[-–—])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineRegex();

    /// <summary>
    /// "By" and people's names of two or more capitalised words each, joined by commas, "and" or "&amp;", perhaps with
    /// their agency after a comma: "By Jane Doe and John Roe", "By JANE DOE, Reuters". Not "By Tuesday", "By The Numbers"
    /// or "By Land And Sea", which start sentences or name sections. (Not "Von", "Par", "Por" or "Door" either: in a
    /// title-case first line they start headlines as often as bylines, as in "Door County Approves New Budget".)
    /// </summary>
    [GeneratedRegex(@"^(?i:by)\s+(?!(?:The|A|An)\b)(?!.*\b(?:And|Or|Of|The|In|On|At|To|For)\b)\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*)+(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*)+)*(?:\s*,\s*\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBylineRegex();
}
