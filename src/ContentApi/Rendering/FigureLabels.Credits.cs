using System.Text.RegularExpressions;
using ContentApi.Text;

namespace ContentApi.Rendering;

/// <summary>Whether a label is a credit, and what a credit looks like: the words, agencies and brackets that name a picture's source.</summary>
internal static partial class FigureLabels
{
    /// <summary>
    /// A label naming a source rather than describing the picture: one that says so (<see cref="NamesSource"/>), or a
    /// colon after a few leading words ("Jane Doe: AP"), not one between digits ("10:30 的發布會現場" is a caption), nor
    /// one before a word in lowercase, which names no one in a cased script ("Open Source: a history", "Step one: mix
    /// the flour"), as a credit run into a caption must name its source (<see cref="TrailingCredit"/>), nor one after words
    /// that start a caption ("左起：", "圖說：": <see cref="CaptionWords"/>).
    /// </summary>
    public static bool IsCredit(string label) => IsUnmarkedCredit(WithoutLabelMark(label));

    private static bool IsUnmarkedCredit(string label) =>
        NamesSource(label) || !CaptionWords().IsMatch(label)
            && ColonAfterFirstWords().Match(label) is { Success: true } colon && !StartsInLowercase(label.AsSpan(colon.Index + colon.Length));

    /// <summary>
    /// The label without the triangle Taiwanese papers open a picture's caption or credit with ("▲圖／路透社",
    /// "▲（圖／路透社）"), which says nothing of whose the picture is: with it, such a credit was read as a caption.
    /// </summary>
    internal static string WithoutLabelMark(string label) => label.TrimStart() is ['▲' or '△', .. var rest] ? rest : label;

    /// <summary>
    /// Words and a colon that start a caption, not a credit: a word for a caption ("圖說：", as Taiwanese papers label
    /// one; "說明：", "Caption:"), or where the people shown stand ("左起：", "前排左起：", "由左至右：", "From left:").
    /// </summary>
    [GeneratedRegex(
        @"^\s*[(（\[［]?\s*(?:圖說|图说|圖片說明|图片说明|說明|说明|(?:前排|後排|后排|中排)?(?:左起|右起)|由左至右|由右至左|從左至右|从左至右|從左到右|从左到右|captions?|from\s+(?:left|right)|(?:left|right)\s+to\s+(?:right|left))\s*[:：]",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionWords();

    private static bool StartsInLowercase(ReadOnlySpan<char> text) => text.TrimStart() is [var first, ..] && char.IsLower(first);

    /// <summary>
    /// A label that can only be a credit: a word for a picture's source and a separator ("圖源:ifanr", "圖／中央社", one
    /// reporter's photo and text, "圖、文／王小明", "圖文／王小明",
    /// "사진=연합뉴스", "사진 제공=삼성전자", "자료사진=연합뉴스", "写真＝ロイター", "撮影・山田太郎", "Photo: Reuters", "Photo by Jane Doe"), a Japanese
    /// chart's bracketed "（出所）総務省", "示意圖／取自pixabay", "图片来源于网络", "©" (or a C in brackets before a year or an agency, "（Ｃ）共同通信"), or "Courtesy of", a Korean agency's file photo ("연합뉴스 자료사진") or a stock photo
    /// agency alone ("게티이미지뱅크"), or a wire service's credit (<see cref="WireServiceCredit"/>: "REUTERS/Ann Wang"). A caption may have a colon after
    /// its first words ("左起：吳泳銘、蔡崇信"); when such a line names its source, the line before it is the caption.
    /// </summary>
    public static bool NamesSource(string label) =>
        NamesSourceUnmarked(WithoutLabelMark(label)) && (!IsMarked(label) || !Excerpts.SentenceEnds.Contains(LastBeforeClosers(label)) || IsNameBeforeStop(WithoutLabelMark(label)));

    /// <summary>
    /// Whether a line opened with ▲ or △ that ends as a sentence does, a label only as a marked caption may be, is a credit
    /// with a stop after it ("▲圖／路透社。", "▲Photo: Reuters."): what follows its source word is a short name, no clause or
    /// sentence of its own and not in lowercase. A caption that starts with those words ("▲Photo by the author shows the
    /// harbour at dawn.", "▲來源：台積電年報顯示，營收成長三成。") is none: without the mark it is no label.
    /// </summary>
    private static bool IsNameBeforeStop(string unmarked)
    {
        var text = unmarked.Trim();
        var name = text.AsSpan(SourceWordLength(text)).TrimEnd(Closers).TrimEnd();
        name = name.IsEmpty ? name : name[..^1].Trim();
        return name.Length is > 0 and <= MaxNameBeforeStop && !char.IsLower(name[0]) && name.IndexOfAny(NameBreaks) < 0;
    }

    /// <summary>Longest name a marked credit ending with a stop gives, in UTF-16 units: a credit names an agency or a person or two.</summary>
    private const int MaxNameBeforeStop = 30;

    private static readonly System.Buffers.SearchValues<char> NameBreaks = System.Buffers.SearchValues.Create(Excerpts.SentenceEnds + "，,、；;：:");

    private static bool NamesSourceUnmarked(string label) =>
        SourceWords().IsMatch(label) || PhotographerLine().IsMatch(label) || IsBracketedCredit(label.Trim()) || CreditAfterEquals().IsMatch(label)
        || CreditAfterSlash().IsMatch(label) || KoreanAgencyFilePhoto().IsMatch(label) || KoreanStockPhotoAgency().IsMatch(label)
        || EnglishAgencyCredit().IsMatch(label) || WireServiceCredit.Is(label) || IsNoteWithoutSource(label) || CreditWithoutSeparator().IsMatch(label) || EnglishViaCredit().IsMatch(label)
        || IsNoteAndCredit(label);

    /// <summary>
    /// A file photo's or an illustration's note, a comma and the credit it comes with ("示意圖，取自網路", "（示意圖，翻攝自臉書）",
    /// "資料照，圖片來源：Unsplash"): a credit as the credit alone is, as "示意圖／取自pixabay" is with a slash.
    /// </summary>
    private static bool IsNoteAndCredit(string label) =>
        NoteBeforeComma().Match(label) is { Success: true } note && NamesSourceUnmarked(note.Groups["open"].Value + label[note.Length..]);

    // Every note before the credit at once: read one note at a time, a line of 50,000 notes recursed as deep and overflowed the stack.
    [GeneratedRegex("""^\s*(?<open>[(（\[［]?)\s*(?:(?:資料照片?|资料照片?|檔案照片?|档案照片?|示意圖|示意图)\s*[，,、]\s*)+""", RegexOptions.CultureInvariant)]
    private static partial Regex NoteBeforeComma();

    /// <summary>
    /// A note on where a picture comes from that newsrooms write without a separator, all the label says, besides a file
    /// photo or an illustration (<see cref="IsNoteWithoutSource"/>): the paper's own file photo ("本報資料照"), a picture
    /// from the web ("網路圖片", "图源网络", "圖片取自網路", "翻攝自臉書"), or who provided it ("台積電提供", "图片由受访者提供", "受访者供图"; not who provided
    /// what it shows, "疫苗由政府免費提供"); perhaps with a full stop after it ("▲台積電提供。").
    /// </summary>
    [GeneratedRegex("""
        ^\s*[(（\[［]?\s*(?:
          (?:本報|本报)(?:資料照片?|资料照片?|檔案照片?|档案照片?)
        | (?:網路|网络|網絡|网路)(?:圖片|图片|照片)|(?:圖源|图源|圖片來源|图片来源)(?:網路|网络|網絡|网路)
        | (?:圖片?|图片?|照片|相片)?(?:取自|翻攝自|翻摄自)[^()（）\[\]［］，,。；;]{1,30}
        | (?:(?:圖片?|图片?|照片|相片)?由)?[\p{L}\p{N}·・-[由]]{1,12}?(?:提供|供圖|供图)
        )\s*[)）\]］]?\s*。?\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CreditWithoutSeparator();

    /// <summary>
    /// A file photo or an illustration noted without its source ("資料照", "（示意圖）", "写真はイメージ"): it says what the
    /// picture is, not whose, so the image's own credit stays beside it.
    /// </summary>
    public static bool IsNoteWithoutSource(string label) => SourcelessNote().IsMatch(label);

    [GeneratedRegex("""^\s*[(（\[［]?\s*(?:資料照片?|资料照片?|檔案照片?|档案照片?|示意圖|示意图|(?:写真|画像|イラスト)はイメージ(?:です)?)\s*[)）\]］]?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex SourcelessNote();

    /// <summary>
    /// "via" and a name, as English sites credit a picture taken from another site or an agency ("via Twitter", "Photo via
    /// Reuters"): every word after it capitalised, so a caption saying how it was seen ("via satellite") is none.
    /// </summary>
    [GeneratedRegex("""^\s*[(（]?\s*(?:(?:Photo|Image|Picture|Video|PHOTO|IMAGE)s?\s+)?[Vv]ia\s+[\p{Lu}@][\p{L}\p{N}.'’&@_-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.'’&_-]*){0,3}\s*[)）]?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishViaCredit();

    /// <summary>
    /// A photo agency or paper as English captions credit it without a label, alone or after the photographer and a slash:
    /// "Getty Images", "Jane Doe/Reuters", "Saul Loeb/AFP via Getty Images", "Jane Doe/The New York Times" (not "New
    /// York/New Jersey", nor a caption ending in an agency's name, "Before/after the Reuters building fire").
    /// </summary>
    [GeneratedRegex("""
        ^\s*(?:(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*/\s*)?
        (?:(?:AFP|AP|Reuters|Bloomberg|EPA(?:-EFE)?|Xinhua|Kyodo|Yonhap|Anadolu|NurPhoto|SOPA\s+Images|Shutterstock|Alamy|Redux|ZUMA\s+Press|Zuma\s+Press|Sipa|Imago|dpa|PA\s+(?:Images|Wire|Media))(?:\s+(?:via|for)\s+Getty\s+Images)?
          |Getty\s+Images(?:\s*/\s*iStock(?:photo)?)?|iStock(?:photo)?(?:\s*/\s*Getty\s+Images(?:\s+Plus)?)?|The\s+New\s+York\s+Times|The\s+Washington\s+Post|The\s+Guardian|The\s+Wall\s+Street\s+Journal|Financial\s+Times)\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex EnglishAgencyCredit();

    /// <summary>
    /// Whether a label names the source of a picture, not only where figures come from: a data note ("資料來源：主計總處",
    /// "Source: company filings", "出所：総務省") in a paragraph under a one-line sentence is that sentence's, so it makes
    /// no caption of it (<see cref="SentenceAboveCreditParagraph"/>).
    /// </summary>
    public static bool NamesPictureSource(string label) => NamesSource(label) && !DataSourceNote().IsMatch(label);

    [GeneratedRegex("""
        ^\s*[(（\[［]?\s*(?:
          (?:資料來源|资料来源|數據來源|数据来源|來源|来源|出處|出处|出所|出典|sources?|quelle|источник|המקור|מקור|المصدر|منبع)\s*[:：/／=＝｜|]
        | [(（【［\[]\s*(?:出所|出典)\s*[)）】］\]]
        )
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DataSourceNote();

    /// <summary>
    /// A stock photo agency, as Korean papers credit one alone ("게티이미지뱅크", "클립아트코리아"): a brand, never what a
    /// picture shows.
    /// </summary>
    [GeneratedRegex($$"""^\s*{{KoreanStockAgencies}}\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex KoreanStockPhotoAgency();

    private const string KoreanStockAgencies = """(?:게티\s*이미지\s*(?:뱅크|코리아)|클립아트\s*코리아|셔터스톡|이미지\s*투데이|아이클릭아트|픽사베이|언스플래시)""";

    /// <summary>The news agencies Korean papers credit, alone or as a foreign agency's photo through a Korean one ("로이터 연합뉴스").</summary>
    private const string KoreanAgencies = """
        (?:(?:(?:로이터|AP|AFP|EPA|UPI|신화|교도|게티이미지(?:코리아)?)\s*)?(?:연합뉴스|뉴스1|뉴시스)
        | 로이터|AP|AFP|EPA|UPI|신화|교도|게티이미지(?:코리아)?)
        """;

    /// <summary>
    /// A Korean paper's credit after a slash, as it ends a caption ("정부세종청사 전경. /뉴스1"): a news agency, or its
    /// photographer ("/장련성 기자"), News1's with its copyright and photographer ("/뉴스1 ⓒ News1 김철수 기자"); not the rest
    /// of a number or a name a slash joins ("2024/25 시즌").
    /// </summary>
    [GeneratedRegex($$"""
        ^\s*/\s*(?:
          {{KoreanAgencies}}(?:\s*ⓒ\s*(?:News1|NEWSIS|뉴스1|뉴시스)(?:\s+\p{L}{2,5}\s*(?:객원|사진)?기자)?)?
        | \p{L}{2,5}\s*(?:객원|사진)?기자
        )\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CreditAfterSlash();

    /// <summary>
    /// A news agency's file photo, as Korean papers credit one without brackets ("연합뉴스 자료사진"); not a file photo of
    /// what the picture shows ("1990년대 서울역 자료사진").
    /// </summary>
    [GeneratedRegex($$"""^\s*{{KoreanAgencies}}\s*자료\s*사진\s*$""", RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex KoreanAgencyFilePhoto();

    /// <summary>
    /// A Japanese paper's credit after an equals sign, as it ends a caption ("…ナデラ氏（3日）＝ロイター"): a news agency,
    /// or a photographer or a provider ("＝吉田拓史撮影", "＝同社提供"); not the date and place a caption gives so
    /// ("＝2日、首相官邸"), nor how the picture was taken ("＝ドローンで撮影").
    /// </summary>
    [GeneratedRegex("""
        ^\s*[=＝]\s*(?:
          (?:ロイター|共同(?:通信)?|時事(?:通信)?|(?:AP|ＡＰ|AFP|ＡＦＰ|EPA|ＥＰＡ)(?:[=＝]?時事)?|新華社|聯合(?:ニュース)?|ゲッティ|ブルームバーグ|Reuters|Bloomberg|Getty\s+Images)
        | [^=＝]{1,30}?(?<!で)(?:撮影|提供)
        )\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CreditAfterEquals();

    /// <summary>The length of the word for a picture's source and its separator the text starts with ("圖源：", "Photo:", "사진=", "©"), or 0.</summary>
    public static int SourceWordLength(string text) => SourceWords().Match(text) is { Success: true } word ? word.Length : 0;

    /// <summary>
    /// A reporter's photo credit as Taiwanese papers write it, with 攝 or 攝影 right after the name or after a slash
    /// ("記者王小明攝影", "記者王小明／攝", "中央社記者王小明攝"; not "記者會現場／攝影").
    /// </summary>
    private const string ReporterTookIt = """
        (?:新華社|新华社|中新社|中央社)?(?:記者|记者|特約記者|特约记者|攝影記者|摄影记者)\s*(?!會|会)
        [\p{L}·・]{2,8}?(?:\s+[\p{L}·・]{2,8}?){0,3}\s*[/／]?\s*(?:攝影|摄影|攝|摄)
        """;

    /// <summary>The day a photo was taken, as CNA dates it inside the brackets of its credit ("114年12月5日", by the ROC calendar).</summary>
    private const string DayTaken = """(?:\d{2,4}年\d{1,2}月\d{1,2}日|\d{4}[./-]\d{1,2}[./-]\d{1,2})""";

    /// <summary>
    /// A Chinese photographer's credit without brackets, as Xinhua and Chinese papers write it under the caption or at its
    /// end: "新华社记者 张三 摄", "记者王小明攝", "张三 李四 摄", "新华社发（张三 摄）", "新华社发 张三 摄", and a reporter's with 攝影 or a
    /// slash, "記者王小明攝影", "記者王小明／攝", also with a full stop after it, as a line opened with ▲ may end: "▲記者王小明攝。"
    /// (not "遊客在步道上拍攝").
    /// </summary>
    [GeneratedRegex($$"""
        ^\s*(?:
          (?:(?:新華社|新华社|中新社|中新網|中新网|人民网|人民網|中央社)?(?:記者|记者|特約記者|特约记者|通訊員|通讯员|攝影記者|摄影记者)\s*)?
            [\p{L}·・]{2,8}(?:\s+[\p{L}·・]{2,8}){0,3}\s*(?<!拍|拍\s|縮時|缩时|空拍|延時|延时)(?:攝|摄)
        | {{ReporterTookIt}}
        | (?:新華社|新华社|中新社)(?:發|发)\s*(?:[（(]\s*[\p{L}·・]{2,8}(?:\s+[\p{L}·・]{2,8}){0,3}\s*(?:攝|摄)\s*[)）]|[\p{L}·・]{2,8}(?:\s+[\p{L}·・]{2,8}){0,3}\s*(?:攝|摄))?
        )\s*。?\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex PhotographerLine();

    /// <summary>
    /// A bracketed part that can only be a credit, without a word for a source: a photographer's name with 攝 or 撮影
    /// ("（記者王小明攝）", a reporter's with a slash, "（記者王小明／攝影）", or with the day as CNA dates it, "（中央社記者王小明攝　114年12月5日）";
    /// not "（2019年拍攝）" or "（縮時攝影）"), a file photo ("（中央社檔案照片）", "（資料照，中央社）"), or a news agency alone
    /// or with its photographer ("（路透社）", "（共同）", "（AFP時事）", and Japanese papers' "（ロイター）", "（ＡＰ）", "（ロイター＝共同）", "(AP Photo/Tatan Syuflana)", "(Jane Doe/AP)", and the photo agencies Chinese
    /// papers credit, "（视觉中国）", and the stock agencies Japanese and Korean papers credit, "（ＰＩＸＴＡ）", "（アフロ）",
    /// "[게티이미지뱅크]", and a foreign agency's photo through a Korean one, "[AFP=연합뉴스]"; not EPA alone,
    /// also an American agency's name), or who provided it ("（台積電提供）",
    /// "[삼성전자 제공]"), as news captions end.
    /// </summary>
    public static bool IsBracketedCredit(string text) =>
        BracketedCredit().IsMatch(text) || text is ['(' or '（', .., ')' or '）'] && text.Contains('/', StringComparison.Ordinal)
            && (EnglishAgencyCredit().IsMatch(text[1..^1]) || WireServiceCredit.Is(text[1..^1]));

    /// <summary>
    /// A credit line that is one credit whole, which no caption precedes, though a word in it may start one
    /// ("AFP PHOTO / SAM YEH" is no caption "AFP" and a credit "PHOTO / SAM YEH", nor "(AP Photo/Tatan Syuflana)" one "(AP").
    /// </summary>
    public static bool IsOneCredit(string label) => IsOneUnmarkedCredit(WithoutLabelMark(label));

    private static bool IsOneUnmarkedCredit(string label) => IsBracketedCredit(label.Trim()) || WireServiceCredit.Is(label) || PhotographerLine().IsMatch(label);

    [GeneratedRegex($$"""
        ^[(（\[［]\s*(?:
          (?:(?:新華社|新华社|中新社|中央社)?(?:記者|记者|特派員|特派员|攝影記者|摄影记者|カメラマン)\s*)?[\p{L}·・]{2,12}?(?:\s+[\p{L}·・]{1,12}?){0,3}?\s*(?<!拍|縮時|缩时|空拍|延時|延时)(?:攝影|摄影|攝|摄|撮影)
        | {{ReporterTookIt}}(?:\s*{{DayTaken}})?
        | [^()（）\[\]［］]{1,30}?\s*(?:제공|자료사진|提供|供圖|供图)(?:\s*[.,]\s*재판매\s*및\s*DB\s*금지)?
        | (?:로이터|AP|AFP|EPA|UPI|신화|교도|게티이미지(?:코리아)?)\s*=\s*(?:연합뉴스|뉴스1|뉴시스)
        | {{KoreanStockAgencies}}
        | [^()（）\[\]［］]{1,24}?(?:檔案照片?|档案照片?|資料照片?|资料照片?|資料写真|資料寫真|file\s+(?:photo|picture|image))
        | (?:檔案照片?|档案照片?|資料照片?|资料照片?|file\s+(?:photo|picture|image))\s*[，,、／/]\s*[^()（）\[\]［］\s][^()（）\[\]［］]{0,23}
        | (?:AP|AFP|Reuters|Getty\s+Images|Bloomberg|Xinhua|Kyodo|Yonhap|Jiji|路透社?|美聯社|美联社|法新社|歐新社|欧新社|共同社?|ロイター|ＡＰ|ＡＦＰ|ブルームバーグ|ゲッティ(?:イメージズ)?
            |(?:AP|ＡＰ|AFP|ＡＦＰ|EPA|ＥＰＡ|UPI|ＵＰＩ|ロイター|ゲッティ|新華社|聯合)?[=＝]?(?:時事|共同)(?:通信社?)?|新華社|新华社|中央社|中新社|视觉中国|視覺中國|东方IC|東方IC|PIXTA|ＰＩＸＴＡ|アフロ|연합뉴스|뉴시스|뉴스1
            |رويترز|رویترز|أ\s?ف\s?ب|أ\.ف\.ب|د\s?ب\s?أ|الأناضول|واس|ایرنا|ایسنا|تسنیم|רויטרס|פלאש\s?90|पीटीआई|एएनआई|आईएएनएस|रॉयटर्स|एएफपी)
          (?:\s*(?:photo|写真|사진)?\s*[/／][^()（）\[\]［］]{1,40}|\s+photo)?
        )\s*[)）\]］]$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex BracketedCredit();

    // A bracket opens no word but the line's first: "İstanbul Boğazı (Fotoğraf: AA)" is a caption and its bracketed
    // credit, which the colon inside the brackets made a credit whole when the label was one no list knew. A word may
    // end in a bracketed note closed before the colon: "Photo (file): Reuters", "來源（資料照）：中央社".
    [GeneratedRegex(@"^\s*[(（\[［]?[^\s(（\[［]+(?:\s*[(（][^)）:：]*[)）])?(\s[^\s(（\[［]+(?:\s*[(（][^)）:：]*[)）])?){0,2}?\s*(?<!\d)[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex ColonAfterFirstWords();

    [GeneratedRegex("""
        ^\s*[(（\[［<〈]?\s*(?:
          (?:圖源|图源|圖片來源|图片来源|圖片提供|图片提供|圖片出處|图片出处|照片來源|照片来源|照片提供|照片出處|照片出处|相片來源|相片来源|相片提供|來源|来源|資料來源|资料来源|出處|出处|出所|出典|写真提供|画像提供|提供|攝影|摄影|撮影|写真|画像|(?:圖|图)、?文|文、?(?:圖|图)|(?:사진\s*)?출처|(?:사진\s*|자료\s*)?제공|(?:자료\s*)?사진|그래픽|圖|图
            |photos?|photographs?|photography|images?|pictures?|credits?|sources?|fotos?|fotoğraf|bild|quelle|illustration|graphic
            |фото|источник|המקור|מקור|צילומים|צילום|φωτογραφ[ίι]ες|φωτογραφ[ίι]α|φωτ[οό]|ภาพถ่าย|ภาพ|ảnh
            |(?:(?:फ़|\u095E|फ)ोटो|चित्र|तस्वीर)(?:\s*साभार)?|साभार|المصدر|(?:ال)?صورة|(?:ال)?تصوير|عکس|منبع)
            \s*(?:[:：/／=＝｜|ⓒ©]|by\b)
        | (?:示意圖|示意图|資料照片?|资料照片?|檔案照片?|档案照片?)\s*[/／]
        | (?:圖片|图片)(?:來源於|来源于|來源于|來自|来自|源自)
        | ภาพ(?:ถ่าย)?\s*โดย
        | 撮影\s*・
        | [(（【［\[]\s*(?:出所|出典)\s*[)）】］\]]
        | [©Ⓒ]
        | [(（]\s*[CcＣｃ]\s*[)）]\s*(?:\d{4}|[０-９]{4}|共同|時事|ロイター|ＡＰ|ＡＦＰ|AP\b|AFP|Reuters|Kyodo|Jiji|Getty|Bloomberg|Xinhua|新華社|新华社)
        | (?:photo|image|picture)s?\s+courtesy\b
        | courtesy\s+of\b
        )
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex SourceWords();
}
