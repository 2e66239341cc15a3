using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Rendering;
using ContentApi.Search;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Seeded random bodies (Chinese, Japanese and English paragraphs, figures with labels and &lt;br&gt; anywhere, credit-like
/// lines, tables with empty cells, lists, quotes, code, tabs, zero-width and bidi characters, long lines) through the text
/// pipeline, for what must hold of any body: nothing throws, the excerpt shown has no tab or line break and is the indexed
/// one with spaces for line breaks, the HTML is balanced with no figure in a paragraph, and no search token runs across a
/// tab or a line break.
/// </summary>
public sealed class TextPipelineFuzz
{
    private static readonly string[] Zh =
    [
        "台積電今天在新竹發表新製程", "阿里雲今天在杭州發布了新模型，", "引起業界熱議。", "行政院長表示，將持續推動能源轉型", "鵟鷂", "佐藤 花子",
        "通義千問", "第一行", "第二行", "台灣", "大學", "欄一鸕", "鶿欄二", "記者王小明／台北報導", "作者 | 王小明", "編輯 | 李四", "延伸閱讀",
        "台北101夜景", "發布會現場", "模型跑分", "台積電今天提供新服務", "【獨家】", "「引號」", "（括號）", "１２３", "半導體",
    ];
    private static readonly string[] Ja =
    [
        "東京都は本日、新しい計画を発表した。", "写真はイメージ", "（画像はイメージ）", "カタカナ", "ひらがなの文", "日本語の段落です。",
    ];
    private static readonly string[] En =
    [
        "The company released its new model", "in Hangzhou, drawing wide attention.", "iPhone 17 launches today.", "Flooding seen via satellite",
        "Advertisement", "Read more", "a < b and c > d", "Café naïve", "R&D", "1. not a list", "e.g. this", "https://example.com/x?y=1",
    ];
    private static readonly string[] Credits =
    [
        "圖源：ifanr", "圖／中央社", "Photo: CNA", "資料照", "（資料照）", "示意圖", "台積電提供", "图片由受访者提供", "Photo via Reuters", "via Twitter",
        "Getty Images / iStock", "照片來源：中央社", "（圖／記者王小明攝）", "攝影：王小明", "Source: CNCF", "台北101夜景（資料照）", "網路圖片",
        "翻攝自臉書", "圖片來源：Unsplash", "写真はイメージ", "受访者供图", "图源网络", "台北101夜景。照片來源：中央社", "（圖：路透社）",
        "Credit: AP Photo", "Photo by Jane Doe", "圖／翻攝自X", "中央社", "CNA",
    ];
    private static readonly string[] Odd =
    [
        "\u200B", "\u200D", "\u202E", "\u2066", "\u2069", "\u00AD", "\t", "\u3000", "\uFEFF", "👍🏽", "é", " ", "  ", "\u200F", "&amp;", "&lt;br&gt;",
        "\\*", "&#9;", "&nbsp;", "\u00A0",
    ];
    private static readonly string[] Brs = ["<br>", "<br/>", "<BR>", "<br />", "<Br>"];
    private static readonly string[] LineEnds = ["", "", "", "\\", "  ", "<br>", "<br/>", " <br> ", "\t", "   "];

    private static readonly Dictionary<long, InlineImage> Images = new()
    {
        [1] = new(1, "https://cdn.example.com/1.jpg", "圖一", "STOREDCAPONE", "STOREDCREDITONE", 1200, 800),
        [2] = new(2, "https://cdn.example.com/2.jpg", "圖二", null, "STOREDCREDITTWO", null, null),
        [3] = new(3, "https://cdn.example.com/3.jpg", "圖三", "STOREDCAPTHREE", null, null, null),
        [4] = new(4, "https://cdn.example.com/4.jpg", "圖四", null, null, null, null),
    };

    private sealed class Gen(Random random)
    {
        public bool Footnotes { get; set; }
        private T Pick<T>(T[] items) => items[random.Next(items.Length)];
        private bool Chance(double p) => random.NextDouble() < p;

        public string Fragment()
        {
            var text = random.Next(10) switch
            {
                < 4 => Pick(Zh),
                < 6 => Pick(Ja),
                < 8 => Pick(En),
                8 => Pick(Credits),
                _ => Pick(Odd),
            };
            if (Chance(0.1))
            {
                text = Pick(Odd) + text;
            }
            if (Chance(0.1))
            {
                text += Pick(Odd);
            }
            return random.Next(14) switch
            {
                0 => $"*{text}*",
                1 => $"**{text}**",
                2 => $"`{text}`",
                3 => $"[{text}](https://example.com/{random.Next(9)})",
                4 when Footnotes => $"{text}[^{random.Next(1, 4)}]",
                5 => $"{text}{Pick(Brs)}",
                6 => $"<sup>{text}</sup>",
                _ => text,
            };
        }

        public string Line()
        {
            var builder = new StringBuilder();
            var n = random.Next(1, 5);
            for (var i = 0; i < n; i++)
            {
                if (i > 0 && Chance(0.3))
                {
                    builder.Append(' ');
                }
                builder.Append(Fragment());
            }
            if (Chance(0.05))
            {
                var at = random.Next(builder.Length + 1);
                while (at < builder.Length && char.IsLowSurrogate(builder[at]))
                {
                    at++;
                }
                builder.Insert(at, "![" + Fragment() + $"](image:{random.Next(1, 6)})");
            }
            return builder.ToString();
        }

        public string Paragraph()
        {
            var lines = new List<string>();
            var n = random.Next(1, 5);
            for (var i = 0; i < n; i++)
            {
                lines.Add(Line() + (i < n - 1 ? Pick(LineEnds) : ""));
            }
            return string.Join('\n', lines);
        }

        public string Figure()
        {
            var builder = new StringBuilder();
            var images = random.Next(1, 3);
            for (var i = 0; i < images; i++)
            {
                if (i > 0)
                {
                    builder.Append(Chance(0.5) ? "\n" : Chance(0.5) ? " " : "\n\n");
                }
                builder.Append(Chance(0.2) ? Pick(Odd) : "").Append(CultureInfo.InvariantCulture, $"![{(Chance(0.5) ? Pick(Zh) : "")}](image:{random.Next(1, 6)})");
                builder.Append(random.Next(8) switch
                {
                    0 => Pick(Brs),
                    1 => Pick(Brs) + Pick(Credits),
                    2 => Pick(Brs) + Pick(Zh) + Pick(Brs) + Pick(Credits),
                    3 => " " + Pick(Brs) + " " + Pick(Credits) + " " + Pick(Brs),
                    4 => Pick(Brs) + Pick(Brs),
                    5 => "  ",
                    6 => Pick(Brs) + Pick(Zh),
                    _ => "",
                });
            }
            var labels = random.Next(0, 4);
            for (var i = 0; i < labels; i++)
            {
                builder.Append(Chance(0.7) ? "\n" : "\n\n");
                builder.Append(random.Next(6) switch
                {
                    0 => Pick(Credits),
                    1 => Pick(Zh),
                    2 => Pick(Brs),
                    3 => Pick(Zh) + Pick(Brs) + Pick(Credits),
                    4 => Pick(Credits) + Pick(Brs),
                    _ => Line(),
                });
                if (Chance(0.3))
                {
                    builder.Append(Pick(LineEnds));
                }
            }
            return builder.ToString();
        }

        public string Cell() => random.Next(8) switch
        {
            0 => "",
            1 => " ",
            2 => Pick(Zh) + Pick(Brs) + Pick(Zh),
            3 => Pick(Zh) + "\t" + Pick(Zh),
            4 => Pick(Brs),
            _ => Fragment().Replace("|", "\\|"),
        };

        public string Table()
        {
            var columns = random.Next(1, 5);
            var rows = new List<string>
            {
                "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(_ => Cell())) + " |",
                "|" + string.Join("|", Enumerable.Range(0, columns).Select(_ => "---")) + "|",
            };
            for (var r = random.Next(0, 5); r > 0; r--)
            {
                rows.Add("| " + string.Join(" | ", Enumerable.Range(0, random.Next(1, columns + 2)).Select(_ => Cell())) + " |");
            }
            return string.Join('\n', rows);
        }

        public string Block() => random.Next(20) switch
        {
            < 6 => Paragraph(),
            < 10 => Figure(),
            10 or 11 => Table(),
            12 => string.Join('\n', Enumerable.Range(0, random.Next(1, 4)).Select(_ => (Chance(0.5) ? "- " : "1. ") + (Chance(0.3) ? Figure().Replace("\n", "\n  ") : Line()))),
            13 => string.Join('\n', Paragraph().Split('\n').Select(line => "> " + line)) + (Chance(0.3) ? "\n>\n> " + Figure().Replace("\n", "\n> ") : ""),
            14 => "```\n" + Line() + "\n\t" + Line() + "\n```",
            15 => "## " + Line(),
            16 when Footnotes => $"[^{random.Next(1, 4)}]: " + Line(),
            17 => Chance(0.5) ? "---" : "<!--more-->",
            18 => string.Concat(Enumerable.Range(0, random.Next(50, 600)).Select(_ => Fragment())),
            _ => Pick(Credits),
        };

        public string Body()
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 10); n > 0; n--)
            {
                builder.Append(Block()).Append(Chance(0.8) ? "\n\n" : "\n");
            }
            return builder.ToString();
        }
    }

    private static readonly HashSet<string> VoidTags = ["br", "img", "hr", "wbr"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_body_keeps_the_text_pipelines_invariants(int seed)
    {
        var random = new Random(seed);
        var gen = new Gen(random);
        for (var i = 0; i < 150; i++)
        {
            gen.Footnotes = random.Next(2) == 0;
            var body = gen.Body();
            var problem = ProblemWith(body, random);
            Assert.True(problem is null, $"{problem}\n{body}");
        }
    }

    private static string? ProblemWith(string body, Random random)
    {
        var stats = ArticleText.Measure(body, TimeSpan.FromSeconds(30));
        if (stats.TooComplex is not null)
        {
            return null;
        }
        var (plain, shown, indexed) = (stats.PlainText, stats.DerivedExcerpt, stats.IndexedDerivedExcerpt);
        if (shown.IndexOfAny(['\t', '\n', '\r']) >= 0 || indexed.IndexOfAny(['\t', '\r']) >= 0 || indexed.Replace('\n', ' ') != shown)
        {
            return $"excerpt {shown} / {indexed}";
        }
        if (MarkdownRenderer.ToPlainText(body) != plain || stats.CharacterCount != ArticleText.CountCharacters(plain))
        {
            return "plain text or character count";
        }
        if (HtmlProblem(MarkdownRenderer.Render(articleId: 1, body, Images).Html) is { } html)
        {
            return html;
        }
        foreach (var text in new[] { plain, indexed })
        {
            var pieces = string.Join($" {SearchAnalyzer.Gap} ", text.Split(['\n', '\t']).Select(SearchAnalyzer.AnalyzeForIndex).Where(piece => piece.Length > 0));
            if (SearchAnalyzer.AnalyzeForIndex(text) != pieces)
            {
                return $"a token runs across a tab or a line break: {text}";
            }
        }
        var words = plain.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0)
        {
            var word = string.Concat(Graphemes.Split(words[random.Next(words.Length)]).Take(3));
            if (BodySnippets.Build(body, SearchQuery.Parse(word)).IndexOfAny(['\t', '\r']) >= 0)
            {
                return $"snippet for {word}";
            }
        }
        return null;
    }

    private static string? HtmlProblem(string html)
    {
        var open = new Stack<string>();
        foreach (Match tag in Regex.Matches(html, "<(/?)([a-zA-Z0-9]+)[^>]*>"))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (VoidTags.Contains(name))
            {
                continue;
            }
            if (tag.Groups[1].Value == "/")
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    return $"unbalanced </{name}>: {html}";
                }
            }
            else if (name is "p" or "figure" && open.Contains("p"))
            {
                return $"{name} inside p: {html}";
            }
            else
            {
                open.Push(name);
            }
        }
        return open.Count == 0 ? null : $"unclosed {string.Join(",", open)}: {html}";
    }
}
