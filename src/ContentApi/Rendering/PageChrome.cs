using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// What a news page or blog puts between an article's paragraphs, which an article copied from it brings along, as a
/// paragraph of its own: an ad's marker and the prompt to read on past it (Liberty Times' "[廣告] 請繼續往下閱讀...",
/// "Advertisement", "Story continues below advertisement", The New York Times' "Continue reading the main story"), and a
/// prompt to subscribe to a newsletter. No text of the excerpt; the HTML, plain text and search keep them as written.
/// </summary>
internal static partial class PageChrome
{
    public static bool IsParagraph(Block block) =>
        block is ParagraphBlock { Inline: { } inline, Span.Length: <= MaxLength } && ChromeLine().IsMatch(PlainText.Of(inline));

    /// <summary>Longer than any such line with its emphasis or link; every longer paragraph is not read out for it.</summary>
    private const int MaxLength = 160;

    private const string Open = @"[\s\[【［(（<＜〔*_—–\-]*";
    private const string Close = @"[\s\]】］)）>＞〕*_—–\-.…。!！]*";
    private const string AdMark = @"廣告|广告|광고|広告|advertisement|sponsored\s+content|skip\s+advertisement";
    private const string ReadOn = @"請繼續往下閱讀|请继续往下阅读|繼續往下閱讀|继续往下阅读|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?|continue\s+reading\s+(?:the\s+main\s+story|below)";
    private const string Newsletter = @"(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the|my)\s+(?:[\w'’-]+\s+){0,3}newsletters?\b.{0,80}";

    [GeneratedRegex($@"^{Open}(?:(?:{AdMark}){Close}(?:{ReadOn})?|{ReadOn}|{Newsletter}){Close}$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ChromeLine();
}
