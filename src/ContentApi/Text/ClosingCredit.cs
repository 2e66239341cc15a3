using System.Text.RegularExpressions;

namespace ContentApi.Text;

/// <summary>
/// The credits a news article ends with, which say nothing about it; a Chinese one's: the editor's, run into the last line as
/// the CNA writes it with its date code ("…以上。（編輯：李四）1141204", "（編譯：張三/核稿：李四）"), bracketed or on a line of
/// its own ("【责任编辑：王五】", "责任编辑：王五", "責任編輯／王五"), Xinhua's end mark "（完）", and the wire a Japanese paper's article came
/// over, after its last sentence ("…と述べた。（共同）", "（ロイター＝共同）", "（時事）"), and what a Korean agency's ends with after
/// its last sentence or on a line of its own: the reporter's address ("hong@yna.co.kr", "홍길동 기자 hong@hankyung.com") and the
/// copyright notice ("&lt;저작권자(c) 연합뉴스, 무단 전재-재배포 금지&gt;", "[ⓒ 한국경제, 무단전재 및 재배포 금지]"); and a
/// publisher's copyright line ("© 2026 The Example Times. All rights reserved.") or a platform's disclaimer on a line of its own ("本文僅代表作者觀點，不代表本平台立場。").
/// </summary>
public static partial class ClosingCredit
{
    /// <summary>The text without the closing credits at its end; the text as it is when they are all it holds.</summary>
    public static string Without(string text)
    {
        var kept = text;
        for (var taken = 0; ClosingMatterAt(kept) is var start and > 0; taken++)
        {
            if (taken == MostTaken)
            {
                return text;
            }
            kept = kept[..start];
        }
        return kept.Trim().Length > 0 ? kept : text;
    }

    /// <summary>Where the closing matter ending <paramref name="text"/> starts, or -1 when it ends in none.</summary>
    private static int ClosingMatterAt(string text)
    {
        var match = ClosingRegex().Match(text, ClosingMatterWindow.Start(text));
        var disclaimer = DisclaimerLineAt(text);
        return match.Success && (disclaimer < 0 || match.Index < disclaimer) ? match.Index : disclaimer;
    }

    /// <summary>
    /// Where the last line starts when it is a disclaimer, or -1. Only the last line is read: as one more alternative of
    /// <see cref="ClosingRegex"/>, its lazy scans ran at every line start of the text, for every derived excerpt, and the
    /// larger matcher added ~9 MB to the server's peak memory under writes.
    /// </summary>
    private static int DisclaimerLineAt(string text)
    {
        var end = text.AsSpan().TrimEnd().Length;
        var lineStart = end == 0 ? 0 : text.LastIndexOf('\n', end - 1) + 1;
        return lineStart > 0 && DisclaimerRegex().IsMatch(text.AsSpan(lineStart, end - lineStart)) ? lineStart : -1;
    }

    /// <summary>
    /// The most closing items an article ends with (a source, an editor, a disclaimer, a prompt to share: a handful). Each
    /// is found by a scan of all the text before it, so taking off every line of a body of thousands read it once a
    /// line; a text ending with more is made of them, not closed by them, and stays whole.
    /// </summary>
    private const int MostTaken = 12;

    private const string Label = "(?:責任編輯|责任编辑|責編|责编|編輯|编辑|編譯|编译|核稿|校對|校对|審校|审校)";
    private const string Names = @"[^\n（）()【】\[\]/／:：]{1,30}";
    private const string Credit = $@"{Label}(?:\s*[:：｜|]\s*|\s+){Names}";

    private const string ReporterAddress = @"(?:\p{L}{2,5}\s*(?:기자|특파원)\s+)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+";
    private const string CopyrightNotice = @"[<\[]\s*(?:저작권자\s*)?(?:[(（]\s*[cC]\s*[)）]|ⓒ|©)[^\n<>\[\]]{0,80}?(?:무단\s*전재|재배포)[^\n<>\[\]]{0,80}?[>\]]";

    /// <summary>
    /// Where a reposted article came from, on a line of its own: "（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）", "本文經授權轉載自《天下雜誌》",
    /// "本文来自微信公众号“硅星人”…，36氪经授权发布。", its original title and source ("原标题：《…》", "来源：新京报"), "This article was
    /// originally published on …".
    /// </summary>
    private const string RepostNote = @"[（(*_ \t]*(?:本文(?:来自|來自|转载自|轉載自|转自|轉自|经|經|由|系|為|为|原載|原载|原刊)|原标题|原標題|原文标题|原文標題|(?:文章)?(?:来源|來源)\s*[:：]|稿源\s*[:：]|This\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)|(?:Originally|First)\s+published\s+(?:on|in|at|by))[^\n]{0,200}";

    /// <summary>
    /// Who reported, on a line of its own: Reuters' "Reporting by Jane Doe; Editing by John Roe", a Japanese paper's reporter in
    /// brackets, "（山田太郎）", "（編集委員　山田太郎）", or a writer's name and position, "（山田太郎・東京大学教授）", a Korean
    /// paper's, "김철수 기자", "/김철수 기자 kim@sedaily.com", or a columnist's, "홍길동 서울대 교수" (<see cref="KoreanByline"/>).
    /// </summary>
    private const string Reporters = @"[(\[*_ \t]*(?:(?:Additional\s+)?[Rr]eporting\s+by|Writing\s+by|Editing\s+by|Compiled\s+by)\b[^\n]{0,300}" +
        @"|[（(]\s*(?:編集委員|論説委員|記者|特派員)?[\s　]*[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々・]{2,8}(?:[\s　]+[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々・]{1,8})?\s*[）)]" +
        $@"|[（(][\s　]*[\p{{IsCJKUnifiedIdeographs}}\p{{IsHiragana}}\p{{IsKatakana}}々・]{{2,8}}[・\s　]+[^\n（）()]{{0,24}}?{JapanesePosition}[\s　]*[）)]" +
        $@"|/?[ \t]*{KoreanByline}(?:\s+[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?";

    /// <summary>
    /// The position ending a Japanese writer's bracketed name, after the organisation: "東京大学教授", "日本総研上席主任研究員",
    /// "弁護士". A bracket holding a longer name and no position ("（東京オリンピック・パラリンピック）") is the text's.
    /// </summary>
    private const string JapanesePosition = "(?:教授|講師|研究員|所長|理事長|会長|社長|代表|取締役|弁護士|会計士|税理士|医師|作家|評論家|ジャーナリスト|エコノミスト|アナリスト|コラムニスト|委員|記者|特派員|学長|院長)";

    /// <summary>
    /// A Korean writer's name (two to four syllables) and position, the whole line, as a reporter's report or a columnist's
    /// opinion piece closes: "김철수 기자", "박민수 논설위원", with up to two words of the organisation between them, "홍길동 서울대
    /// 교수", "최지은 법무법인 태평양 변호사". Only a position of <see cref="KoreanPosition"/>, and no word before it ending in
    /// a particle that binds it to the next ("우리 모두의 선생님이자 교수", "그는 끝까지 교수"): those are words of the text,
    /// as is a line ending as a sentence does ("그는 서울대 교수다.").
    /// </summary>
    private const string KoreanByline =
        @"\p{IsHangulSyllables}{2,4}(?<![는를의에께가])" +
        $@"(?:(?:[ \t]+[\p{{IsHangulSyllables}}A-Za-z0-9&.·]{{1,20}}(?<![는를을의에께와한던된]|이자|에서|까지|부터|처럼|로서|으로)){{1,2}}[ \t]*|\s*){KoreanPosition}";

    /// <summary>The positions a Korean column or report is signed with: a bounded list, so that no word merely ending so is one.</summary>
    private const string KoreanPosition =
        "(?:명예교수|석좌교수|객원교수|초빙교수|겸임교수|특임교수|부교수|조교수|교수|수석논설위원|논설위원|편집위원|선임연구위원|수석연구위원|연구위원|전문위원|위원" +
        "|책임연구원|선임연구원|연구원|변호사|회계사|세무사|변리사|노무사|의사|대표이사|대표|소장|원장|이사장|회장|칼럼니스트|평론가|작가|시인|소설가" +
        "|편집국장|논설실장|논설주간|주필|선임기자|전문기자|대기자|기자|특파원)";

    /// <summary>
    /// A publisher's copyright line, as the last paragraph: "© 2026 The Example Times. All rights reserved.", "Copyright 2026
    /// Example Media Group", "…. All rights reserved."; not a sentence about copyright ("Copyright law protects…").
    /// </summary>
    private const string CopyrightLine = @"(?:(?:Copyright\s*)?(?:©|\([cC]\)|Copyright\b)\s*\d{4}(?:\s*[-–]\s*\d{4})?[^\n]{0,80}|[^\n]{0,80}?All\s+[Rr]ights\s+[Rr]eserved\.?)";

    /// <summary>A WeChat account's prompt to like, share or follow it, on a line of its own: "点个“在看”，分享给更多朋友", "长按识别二维码关注我们".</summary>
    private const string SharePrompt = @"[^\n。]{0,12}?(?:点个?\s*[“""「]?在看|分享给更多|转发给更多|长按(?:识别)?(?:二维码|图片)|扫码关注|扫描二维码)[^\n]{0,60}";

    /// <summary>
    /// A platform's or author's disclaimer, on a line of its own: "本文僅代表作者觀點，不代表本平台立場。", "免責聲明：…",
    /// "投資有風險，本文內容不代表任何投資建議。", "版權聲明：…", "【版權聲明】本文版權歸原作者所有。", "Disclaimer: …", "The views expressed in this article are the author's own."
    /// One without a label is short, as disclaimers are, and says its words, not quotes them (inside quotes or title marks
    /// opened before them on its line): a last paragraph of news that mentions them ("…即使在文末標註「本文不構成投資建議」，仍可能觸法。",
    /// or a longer one) is the article's.
    /// </summary>
    private const string Disclaimer = @"(?>[（(*_ \t]*)(?:(?:(?:免責聲明|免责声明|版權聲明|版权声明|Disclaimer)\s*[:：]|[【\[［]\s*(?:免責聲明|免责声明|版權聲明|版权声明)\s*[】\]］]|(?:聲明|声明)\s*[:：]\s*本(?:文|站|平台|網|网))[^\n]{0,200}" +
        @"|(?=[^\n]{0,120}\z)[^\n]{0,120}?(?<![「『“‘《][^」』”’》\n]*)(?<!\"")(?:不代表本?(?:平台|站|網站|网站|網|网|報|报|刊|號|号)的?(?:立場|立场|觀點|观点)|(?:僅|仅)代表(?:作者|筆者|笔者)(?:本人|個人|个人)?的?(?:觀點|观点|立場|立场|意見|意见|看法|見解|见解)|(?:觀點|观点)(?:僅|仅)代表(?:作者|筆者|笔者)" +
        @"|不(?:代表|構成|构成)(?:任何)?(?:投資|投资)建(?:議|议)|本文(?:內容|内容)?(?:僅|仅)供(?:參考|参考)" +
        @"|[Vv]iews\s+expressed\s+(?:in\s+this\s+(?:article|post|piece|column)\s+)?are\s+(?:those\s+of\s+the\s+author|the\s+author['’]s\s+own))[^\n]{0,120})";

    // What may stand before a repost note, a reporter line or an address stays on its line ([ \t], not \s): a run that
    // crossed lines made every line end of a body of "***" lines, or of blank lines, scan to its end (and back). The
    // line's own run is atomic: the run those may start with takes spaces too, and a line of spaces was tried at every
    // split of it between the two.
    [GeneratedRegex(
        $@"(?:(?<=\n)(?>[ \t]*)(?:{RepostNote}|{Reporters}|{SharePrompt})|(?:(?<=\n)|(?<=[.!?。]\s))[ \t]*(?:{ReporterAddress}|{CopyrightNotice})|[（(【\[]\s*{Credit}(?:\s*[/／]\s*{Credit})*\s*[）)】\]]\s*\d{{0,8}}|[（(]完[）)]|(?<=[。」』])\s*[（(](?:(?:AP|ＡＰ|AFP|ＡＦＰ|EPA|ＥＰＡ|ロイター|ゲッティ|新華社|聯合)[=＝])?(?:共同|時事)(?:通信)?[）)]|(?<=\n)[ \t]*(?:(?:責任編輯|责任编辑)\s*[:：｜|／/]\s*{Names}|{CopyrightLine}))\s*\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex ClosingRegex();

    [GeneratedRegex($@"\A(?>[ \t]*){Disclaimer}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerRegex();
}
