using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Where an article's closing matter starts without a thematic break: the label of the links to further reading it ends
/// with ("延伸閱讀", "相关阅读", "往期推荐", "関連記事", "관련기사", "Read more:", also after a mark, "▌延伸閱讀", "▼相關新聞") or of its share buttons (WordPress' "Share
/// this:"), as a heading, or as a paragraph whose first line (a &lt;br&gt; ends it too) is the label alone or the label, a colon and links; or an end mark of its own, as WeChat articles write one ("END",
/// "— END —"). What follows is closing matter, as after a thematic break.
/// </summary>
internal static partial class FurtherReading
{
    public static bool IsLabel(Block block) => block switch
    {
        HeadingBlock heading => LabelAlone().IsMatch(PlainText.From(heading.Inline?.FirstChild)),
        ParagraphBlock { Inline.FirstChild: { } first } paragraph => FigureLabels.LineAt(first).Line.Text is var line
            && (LabelAlone().IsMatch(line) || LabelAndColon().IsMatch(line) && paragraph.Inline.Descendants<LinkInline>().Any(link => !link.IsImage)),
        _ => false,
    };

    public static bool IsEndMark(Block block) =>
        block is ParagraphBlock { Inline: { } inline, Span.Length: <= MaxEndMarkLength } && EndMark().IsMatch(PlainText.Of(inline));

    /// <summary>Longer than any end mark ("— END —" with emphasis): every other paragraph is not read out for it.</summary>
    private const int MaxEndMarkLength = 24;

    [GeneratedRegex(@"^[\s\-—–_~·=*]*(?:END|End)[\s\-—–_~·=*]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndMark();

    private const string Label = """
        [\s▶►▷■□●○◆◇★☆→》>▌▍▎▋▼▽]*[【\[［(（＜<〈《]?\s*
        (?:看更多相關新聞|看更多相关新闻|往期推荐|往期回顾|往期回顧|精彩推荐|热门推荐|猜你喜欢|猜你喜歡|更多相關新聞|更多相关新闻|延伸閱讀|延伸阅读|相關閱讀|相关阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻|相關報導|相关报道|相關文章|相关文章|更多報導|更多报道
          |関連記事|関連ニュース|あわせて読みたい|合わせて読みたい|관련\s*기사|추천\s*기사|함께\s*볼\s*기사
          |related(?:\s+(?:articles?|stories|story|reading|news|content|posts?|coverage))?|read\s+more|further\s+reading|see\s+also|more\s+on\s+this(?:\s+story)?
          |share\s+this(?:\s+(?:article|story|post))?)
        \s*[】\]］)）＞>〉》]?[\s◀◄◁■□●○◆◇★☆←《<]*
        """;

    [GeneratedRegex($@"^{Label}\s*[:：]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelAlone();

    [GeneratedRegex($@"^{Label}\s*[:：]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelAndColon();
}
