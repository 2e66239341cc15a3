using System.Text;
using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>The serializer that replaces AngleSharp's quadratic one must write exactly what AngleSharp writes.</summary>
public sealed class LinearHtmlSerializerTests
{
    private static readonly string[] Markup =
    [
        "",
        "<p>a<br>b</p><hr><img src=\"https://a.example/b.png\" alt=\"&quot;x&quot;\" loading=lazy>",
        "<pre>\nleading newline</pre><pre>no\nleading</pre><textarea>\n\nt</textarea><listing>\nl</listing>",
        "<script>if (a < b) {}</script><style>p > a {}</style><xmp><b>x</b></xmp><noscript><p>n</p></noscript>",
        "<!-- a comment --><p>after</p><?processing instruction?>",
        "<template><p>in a template</p></template><svg><title>t</title><path d=\"M0 0\"/></svg><math><mi>x</mi></math>",
        "<table><tr><td>1<td>2</table><ul><li>a<li>b</ul><ol start=3><li>c</ol>",
        "&nbsp;&amp;&lt;&gt;\u00a0 漢字 <a href=\"https://e.example/?a=1&b=<>\">t</a> <p title='\"<>'>q</p>",
        "<p>unclosed <em>em <strong>strong</p>text<plaintext><b>rest",
        "<figure><img src=\"https://a.example/b.png\"><figcaption>c <small class=credit>圖源:ifanr</small></figcaption></figure>",
    ];

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var markup in Markup)
        {
            data.Add(markup);
        }
        // Tag soup: open and close tags of every kind the parser treats specially, out of order, with text between.
        string[] tags = ["p", "a", "em", "pre", "code", "ul", "li", "table", "tr", "td", "img", "br", "script", "style", "textarea", "svg", "template", "figure", "div", "h2", "math", "noscript", "select", "option"];
        string[] texts = ["x", "\n", " ", "&amp;", "<", "\u00a0", "漢字", "\n\nx", "<!--c-->"];
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var soup = new StringBuilder();
            for (var part = random.Next(1, 40); part > 0; part--)
            {
                _ = random.Next(3) switch
                {
                    0 => soup.Append('<').Append(tags[random.Next(tags.Length)]).Append(" class=\"c\">"),
                    1 => soup.Append("</").Append(tags[random.Next(tags.Length)]).Append('>'),
                    _ => soup.Append(texts[random.Next(texts.Length)]),
                };
            }
            data.Add(soup.ToString());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Writes_what_AngleSharp_writes(string markup)
    {
        using var document = new HtmlParser().ParseDocument(markup);
        // AngleSharp's own formatter, and HtmlSanitizer's, which the app writes with.
        foreach (var formatter in new IMarkupFormatter[] { HtmlMarkupFormatter.Instance, Ganss.Xss.HtmlFormatter.Instance })
        {
            Assert.Equal(document.Body!.ChildNodes.ToHtml(formatter), LinearHtmlSerializer.Serialize(document.Body.ChildNodes, formatter));
        }
    }

    [Fact]
    public void Writes_a_whole_document_as_AngleSharp_does()
    {
        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><head><title>t</title></head><body><p>b</p></body></html>");
        Assert.Equal(document.ChildNodes.ToHtml(HtmlMarkupFormatter.Instance), LinearHtmlSerializer.Serialize(document.ChildNodes, HtmlMarkupFormatter.Instance));
    }
}
