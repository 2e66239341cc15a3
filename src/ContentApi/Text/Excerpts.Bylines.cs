using System.Text.RegularExpressions;

namespace ContentApi.Text;

/// <summary>The bylines and datelines an excerpt leaves out of the lead, and whether anything but them is left.</summary>
public static partial class Excerpts
{
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
        if (ReportBylineRegex().IsMatch(trimmed) || EnglishBylineRegex().IsMatch(trimmed) || ForeignBylineRegex().IsMatch(trimmed)
            || ReporterLineRegex().IsMatch(trimmed))
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
            || ForeignBylineRegex().IsMatch(undated) || ReporterLineRegex().IsMatch(undated) || TimestampLine().IsMatch(line) || FollowPrompt().IsMatch(line)
            || (SourceLabel().Match(line) is { Success: true } source && IsNames(line[source.Length..]));
    }

    private const string Months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private const string Date = $@"(?:\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?|{Months}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{Months}\s+\d{{4}})";
    private const string Time = @"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?(?:\s*[A-Z]{2,4}\b)?)";
    private const string Weekday = @"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?";
    private const string Timestamp = $@"(?:(?i:updated|published|posted|last\s+updated)(?:\s+on)?\s*:?\s*|(?:更新時間|更新时间|發布時間|发布时间|發佈時間|更新日時?|公開日時?|更新|發布|发布|発行)\s*[:：]?\s*)?(?:{Time}\s*,?\s*)?(?:{Weekday},?\s+)?{Date}(?:\s*,?\s*(?:at\s+)?{Time})?";

    /// <summary>
    /// A line that only dates the article, as pages put one above the lead: "Updated Dec 4, 2025, 10:00 a.m. ET",
    /// CNN's "Published 5:00 PM EST, Mon December 7, 2026", "更新時間：2025/12/04 10:00", "2025年12月4日 10:00 (2025年12月4日 12:30更新)".
    /// </summary>
    [GeneratedRegex($@"^{Timestamp}(?:\s*[(（]\s*{Timestamp}\s*(?:更新|(?i:updated))?\s*[)）])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLine();

    /// <summary>A date after a byline and a bar: "By Jane Doe | December 4, 2025".</summary>
    [GeneratedRegex($@"\s*[|｜·•]\s*{Timestamp}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateAfterBar();

    /// <summary>A WeChat account's prompt to follow it, above the article: "点击上方蓝字关注我们", "👆点击“硅星人”关注我们".</summary>
    [GeneratedRegex(@"^\W{0,3}(?:点击|點擊)[^\n。，！？,]{0,24}(?:关注|關注)[^\n。，！？,]{0,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex FollowPrompt();

    /// <summary>
    /// Where a reposted article comes from, or its original title, as a line above its lead: "来源：新华社", "本文来源：澎湃新闻",
    /// "原标题：人工智能改变新闻" (with names, or a title, only after it).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:来源|來源|稿源|(?:本文|文章)(?:来源|來源)|原标题|原標題)\s*[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();

    [GeneratedRegex(@"^\s*(作者|文|撰文|記者|记者|編輯|编辑|責編|责编|編譯|编译|翻譯|翻译|攝影|摄影|by|автор|текст|كتب|بقلم|نویسنده|מאת|लेखक|글|기자|작성자)\s*[|｜:：/／=]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    /// <summary>Who made the pictures or the layout, as a byline after the writer's gives them ("文 | 王小明" then "图 | 李四").</summary>
    [GeneratedRegex(@"^\s*(?:圖|图|圖片|图片|設計|设计|視覺|视觉|美編|美编|排版)\s*[|｜/／]", RegexOptions.CultureInvariant)]
    private static partial Regex PictureBylineRegex();

    /// <summary>
    /// A Taiwanese reporter's byline: "記者王小明／台北報導", "【記者王小明／台北報導】", and the Liberty Times' in tortoise-shell
    /// brackets, a reporter's or a desk's: "〔記者王小明／台北報導〕", "〔即時新聞／綜合報導〕"; perhaps after the paper's name, as
    /// the United Daily News writes it: "聯合報／ 記者王小明／台北即時報導", or right before 記者, as ETtoday writes it:
    /// "ETtoday新聞雲記者王小明／台北報導"; several reporters joined by 、 or a space ("記者王小明、李大同／台北報導"), and a
    /// full-width bar for the slash ("記者王小明｜台北報導").
    /// </summary>
    [GeneratedRegex(@"^(?:(?:\p{L}{2,8}\s*[／/]\s*)?[【\[]?\s*(?:[\p{L}\d]{2,12}?)?(?:記者|记者)" + Reporters + @"[／/｜][^\s／/｜，,：:、。]{1,12}(?:報導|报道)\s*[】\]]?|" + SlashReportDateline + ")$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportBylineRegex();

    /// <summary>
    /// A Chinese paper's reporter line, without a label: the paper (or "本报") and "记者" before the names, perhaps an intern
    /// or correspondent after them ("澎湃新闻记者 王小明", "新京报记者 王小明 李四", "本报记者 王小明 实习生 李四", "記者 王小明");
    /// without the paper, a space sets the names apart ("记者节快乐" is no byline).
    /// </summary>
    [GeneratedRegex(@"^[□■◎●○◇◆]?\s*(?:\p{IsCJKUnifiedIdeographs}{1,8}?(?:記者|记者|特約記者|特约记者|見習記者|见习记者)\s*|(?:記者|记者|特約記者|特约记者|見習記者|见习记者)\s+)[\p{IsCJKUnifiedIdeographs}·]{2,4}(?:[\s、，,]+(?:(?:記者|记者|實習生|实习生|通訊員|通讯员)\s*)?[\p{IsCJKUnifiedIdeographs}·]{2,4})*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterLineRegex();

    /// <summary>
    /// A reporter's or a desk's report in brackets, as Taiwanese papers open the lead: "【財經中心／台北報導】", the Liberty
    /// Times' "〔記者王小明／台北報導〕", "〔記者王小明、李大同／台北報導〕".
    /// </summary>
    private const string SlashReportDateline = @"[〔【][^\s〔〕【】／/｜，,：:、。]{1,12}(?:、[^\s〔〕【】／/｜，,：:、。]{1,12}){0,3}[／/｜][^\s〔〕【】／/｜，,：:、。]{1,12}(?:報導|报道)[〕】]";

    /// <summary>One to four reporters' names, joined by 、 or a space: "王小明", "王小明、李大同", "王小明 李大同".</summary>
    private const string Reporters = @"[^\s／/｜，,：:、。]{1,12}(?:(?:、|\s+)[^\s／/｜，,：:、。]{1,12}){0,3}";

    /// <summary>
    /// A news agency's or newspaper's dateline opening the lead, and the space after it: "（中央社記者王小明台北1日電）",
    /// "【記者王小明／台北報導】", "〔記者王小明／台北報導〕", Yonhap's "(서울=연합뉴스) 홍길동 기자 = " (Newsis brackets it: "[서울=뉴시스]"), Xinhua's
    /// "新华社北京10月4日电（记者李明）", a Chinese paper's "本报讯（记者 李明）", a Japanese paper's "【ワシントン＝山田太郎】";
    /// the CNA's without a reporter or for a roundup ("（中央社台北5日電）", "（中央社華盛頓5日綜合外電報導）"), Kyodo's and
    /// Jiji's "【ワシントン共同】", "【北京時事】"; a bracketed report with its reporter ("【环球时报报道 记者 李明】"), an agency's
    /// Japanese edition's "（ソウル＝聯合ニュース）", a Chinese news site's "央视网消息：", a foreign agency's in Chinese,
    /// "（路透社華盛頓4日電）", a Taiwanese desk's "【財經中心／台北報導】", a Korean paper's bracketed reporter, "[이데일리 김철수 기자]",
    /// Reuters' Japanese edition's "［東京　２日　ロイター］ -", and the English wires' "WASHINGTON, Dec 4 (Reuters) -",
    /// "WASHINGTON (AP) —", with a place in mixed case ("Berlin (dpa) -"), a date after the day (EFE's "MADRID, 7 dic (EFE).-")
    /// or no place ("(CNN) —"), as the Thai wires' ("กรุงเทพฯ (รอยเตอร์) -"), and any paper's name alone in brackets before a dash
    /// and a capital, as Vietnamese papers open the lead ("(Dân trí) - Tuyến…", "(VnExpress) – Giá…", decomposed too); a place of two words or more in capitals and a dash before a capital, "NEW YORK — Artificial…"
    /// (one word and a dash alone, "LONDON —", may be a name: "NASA — the agency — said", as two before lowercase may be:
    /// "SAN FRANCISCO — the city by the bay —"); the bracketed 訊 datelines of Chinese papers, "【本報訊】", "【明報專訊】",
    /// "【大紀元2026年12月07日訊】"; the CNA's on a line of its own without brackets, "中央社記者王小明台北7日電"; the Mainichi's,
    /// the reporter right after a katakana place or after a dot after a kanji one ("【ワシントン秋山信一】", "【台北・林哲平】"), the
    /// Nikkei's with several reporters ("【ワシントン＝飛田臨太郎、赤木俊介】"), Bloomberg's Japanese edition's "（ブルームバーグ）：",
    /// and a Korean paper's name alone in brackets, "[파이낸셜뉴스]".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:[（(【\[]\s*(?:(?:中央社|中新社|新華社|新华社)?(?:記者|记者)|中央社|路透社?|法新社|美聯社|美联社|彭博社?|共同社|韓聯社|韩联社|塔斯社|歐新社|欧新社|德新社)[^\s，,：:。（()）]{1,20}(?:電|电|報導|报道)\s*[）)】\]]" +
        @"|中央社(?:記者)?[^\s，,：:。（()）\d]{1,20}\d{1,2}日(?:綜合外電)?(?:電|報導)(?=\s|$)" +
        @"|【[^【】\n]{0,20}?(?:專訊|专讯|報訊|报讯|日訊|日讯)】" +
        "|" + SlashReportDateline +
        @"|[\[(（【][^\])）】\n=]{1,12}=(?:연합뉴스|뉴시스|뉴스1)[\])）】](?:\s*[^\s=\])）]{1,12}(?:\s+[^\s=\])）]{1,12})?\s*(?:기자|특파원)\s*=)?" +
        @"|(?:新華社|新华社|中新社|中新網|中新网|人民網|人民网|本報|本报)[\p{L}]{1,12}?\d{1,2}月\d{1,2}日(?:電|电)(?:\s*[（(]\s*(?:記者|记者)[^\n（()）]{1,30}[）)])?" +
        @"|(?:本報訊|本报讯)\s*[（(]\s*(?:記者|记者)[^\n（()）]{1,30}[）)]" +
        @"|【[\p{L}\p{M}・ ]{1,15}[＝=][\p{L}\p{M}・ ]{1,20}(?:、(?:[\p{L}\p{M}・ ]{1,15}[＝=])?[\p{L}\p{M}・ ]{1,20}){0,3}】|【[\p{L}\p{M}・ ]{1,15}?(?:共同|時事)】" +
        @"|【\p{IsKatakana}{2,10}[\p{IsCJKUnifiedIdeographs}々]{3,5}(?<!" + JapaneseLabelEnds + @")】|【\p{IsCJKUnifiedIdeographs}{1,4}・[\p{IsCJKUnifiedIdeographs}々]{2,5}(?<!" + JapaneseLabelEnds + @")】" +
        @"|[（(]ブルームバーグ[）)]\s*[:：]" +
        @"|【[^【】\n]{0,20}?(?:記者|记者)\s*[\p{L}·・ ]{2,12}】" +
        @"|[（(][\p{L}\p{M}・ ]{1,15}[＝=](?:聯合ニュース|共同|時事|新華社|ロイター|ＡＦＰ|AFP|ＡＰ|AP)[）)]" +
        @"|[\p{L}]{1,8}(?:網|网|台|社|報|报)(?:消息|訊|讯)[：:]" +
        @"|\[(?:[^\]\n=]{1,15}?(?:\s?=\s?|\s))?\p{IsHangulSyllables}{2,4}\s?(?:기자|특파원)\]|\[\p{IsHangulSyllables}{1,8}(?:뉴스|신문|경제|일보|비즈|타임스|데일리)(?<!" + KoreanSectionLabels + @")\]" +
        @"|[［\[][^\]］\n]{1,20}?(?:ロイター|ブルームバーグ)\s*[］\]](?:\s*[-－–—])?" +
        @"|(?:(?:[A-Z][A-Z.'’ -]{1,30}?|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2})(?:,\s*(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?))?\s*)?\((?:" + EnglishWires + @")\)\.?\s*[-–—]" +
        @"|[A-Z]{2,}(?:[ .'’-]+[A-Z]{2,})+\s+[—–]\s*(?=[\p{Lu}\d""“‘])" +
        @"|\p{IsArabic}+(?:\s+\p{IsArabic}+){0,2}(?:\s*[،,]\s*[^\n()،,]{1,24}?)?\s*\((?:" + ArabicScriptWires + @")\)\s*[-–—]" +
        @"|\p{IsDevanagari}+(?:\s+\p{IsDevanagari}+){0,2}\s*,\s*[\p{IsDevanagari}\d ]{1,20}?\s*\((?:" + HindiWires + @")\)\s*[।:]?\s*[-–—]?" +
        @"|\p{IsThai}+(?:[\s,]+[\p{IsThai}\d.]+){0,4}\s*\((?:" + ThaiWires + @")\)\s*[-–—]" +
        @"|\(\p{Lu}\p{M}*[\p{L}\p{M}\d.+&' ]{1,23}\)\s*[-–—](?=\s*\p{Lu}))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineRegex();

    /// <summary>The agencies and networks an English (or Spanish, German, Italian) wire dateline names in brackets.</summary>
    /// <summary>
    /// How a topic label, which a Japanese paper writes in the same brackets as the Mainichi's place and reporter, ends
    /// ("【トランプ大統領】", "【ガザ停戦合意】", "【日米・首脳会談】", "【衆院選・開票速報】"): words no name ends with.
    /// </summary>
    private const string JapaneseLabelEnds = "速報|特集|詳報|解説|動画|写真|大統領選?|首相|政権|会談|合意|選挙|情勢|問題|発表|開幕|閉幕|侵攻|停戦|関税|攻撃|会議|事件|事故|戦争|摩擦";

    /// <summary>
    /// Section labels that end as a Korean paper's name does ("[세계경제]", "[오늘의뉴스]"), which stay: a paper's name is
    /// a place or a brand before its 경제 or 뉴스 ("[서울경제]", "[파이낸셜뉴스]").
    /// </summary>
    private const string KoreanSectionLabels = "오늘의뉴스|주요뉴스|이슈뉴스|단독뉴스|속보뉴스|경제뉴스|세계경제|국제경제|글로벌경제|주간경제|생활경제";

    private const string EnglishWires = "Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|Kyodo|Yonhap|CNN|EFE|ANSA|AAP";

    /// <summary>
    /// The agencies whose Arabic (and Persian) services open a lead with a place, perhaps a date, the agency in brackets
    /// and a dash, as the English wires do: "القاهرة (رويترز) -", "باريس (أ ف ب) -", "دبي، 5 ديسمبر (رويترز) -".
    /// </summary>
    private const string ArabicScriptWires = @"رويترز|رویترز|أ\s?ف\s?ب|أ\.ف\.ب|ا\s?ف\s?ب|د\s?ب\s?أ|أ\s?ب|الأناضول|واس|قنا|كونا|شينخوا|أ\s?ش\s?أ|ایرنا|ایسنا|تسنیم";

    /// <summary>The agencies whose Thai services open a lead with a place, perhaps a date, the agency in brackets and a dash.</summary>
    private const string ThaiWires = "รอยเตอร์|เอเอฟพี|เอพี|ซินหัว|เกียวโด|บลูมเบิร์ก|ยอนฮัป|สำนักข่าวไทย";

    /// <summary>
    /// The agencies whose Hindi services open a lead with a place, a comma, the date and the agency in brackets:
    /// PTI-Bhasha's "नई दिल्ली, 5 दिसंबर (भाषा)", IANS' "मुंबई, ५ दिसंबर (आईएएनएस)।".
    /// </summary>
    private const string HindiWires = "भाषा|पीटीआई(?:-भाषा)?|आईएएनएस|वार्ता|यूएनआई|एएनआई|रॉयटर्स|एएफपी";

    /// <summary>
    /// "By" and people's names of two or more capitalised words each, joined by commas, "and" or "&amp;", perhaps with
    /// their agency after a comma: "By Jane Doe and John Roe", "By JANE DOE, Reuters". Not "By Tuesday", "By The Numbers"
    /// or "By Land And Sea", which start sentences or name sections. (Not "Von", "Par", "Por" or "Door" either: in a
    /// title-case first line they start headlines as often as bylines, as in "Door County Approves New Budget"; see
    /// <see cref="ForeignBylineRegex"/>.)
    /// </summary>
    [GeneratedRegex(@"^(?i:by)\s+(?!(?:The|A|An)\b)(?!.*\b(?:And|Or|Of|The|In|On|At|To|For)\b)\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*)+(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*)+)*(?:\s*,\s*\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBylineRegex();

    /// <summary>
    /// A German, French, Spanish or Portuguese, or Italian byline: "Von Jane Doe", "Par Jeanne Dupont", "Por Juan Pérez y
    /// María García", "di Mario Rossi": each name two capitalised words (a particle between them: "Par Jean de Lattre"),
    /// and nothing else on the line. These words start sentences ("Par ailleurs, …", "Por eso …", "Von Anfang an …") and
    /// headlines ("Von Miller Signs Extension", "Par Avion Vers Paris") as often, which hold more words or fewer, or start
    /// with a question word ("Por Qué Importa").
    /// </summary>
    [GeneratedRegex(@"^(?:[Vv]on|[Pp]ar|[Pp]or|di)\s+(?!Qu[ée]\b)" + ForeignName + @"(?:\s*(?:,|und|et|y|e|&)\s*" + ForeignName + ")*$", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignBylineRegex();

    private const string ForeignName = @"\p{Lu}[\p{L}\p{M}'’\-]+(?:\s+(?:de|da|del|della|di|van|von|der|du|dos|das|la|le)){0,2}\s+\p{Lu}[\p{L}\p{M}'’\-]+";
}
