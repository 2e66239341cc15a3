using ContentApi.Rendering;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class BodySnippetsTests
{
    private static readonly string Intro = string.Concat(Enumerable.Repeat("開場白的段落，沒有要找的詞。", 30));

    private static string Build(string markdown, string query) => BodySnippets.Build(markdown, SearchQuery.Parse(query));

    private static string FullRender(string markdown, string query) =>
        Snippets.Build(MarkdownRenderer.ToPlainText(markdown), SearchQuery.Parse(query));

    private static string StripEllipses(string snippet) => snippet.Replace("…", "", StringComparison.Ordinal).Trim();

    [Fact]
    public void Match_in_a_later_paragraph_gives_that_paragraph_marked_with_ellipses_for_the_text_around_it()
    {
        var markdown = $"## 前言\n\n{Intro}\n\n研究團隊在電極中加入**石墨烯**，提升穩定性。\n\n{Intro}";
        Assert.Equal("…研究團隊在電極中加入<mark>石墨烯</mark>，提升穩定性。…", Build(markdown, "石墨烯"));
    }

    /// <summary>
    /// A body's blocks are its Markdown blocks whatever its line ends: split only at "\n\n", a body written on Windows
    /// was one block, and its snippet ran the heading and the paragraphs around the match in (content review).
    /// </summary>
    [Theory]
    [InlineData("第一段落講述颱風動態。\r\n\r\n## 小標題\r\n\r\n第二段落提到鳳凰颱風路徑。\r\n\r\n第三段落是結語。")]
    [InlineData("第一段落講述颱風動態。\r\r## 小標題\r\r第二段落提到鳳凰颱風路徑。\r\r第三段落是結語。")]
    [InlineData("第一段落講述颱風動態。\n  \n## 小標題\n\t\n第二段落提到鳳凰颱風路徑。\n \n第三段落是結語。")]
    [InlineData("第一段落講述颱風動態。\n## 小標題\n第二段落提到鳳凰颱風路徑。\n\n第三段落是結語。")]
    [InlineData("第一段落講述颱風動態。\r\n## 小標題\r\n第二段落提到鳳凰颱風路徑。\r\n---\r\n第三段落是結語。")]
    public void A_body_gives_the_snippet_of_its_lf_form_whatever_its_line_ends(string body)
    {
        const string lf = "第一段落講述颱風動態。\n\n## 小標題\n\n第二段落提到鳳凰颱風路徑。\n\n第三段落是結語。";
        Assert.Equal("…第二段落提到<mark>鳳凰</mark>颱風路徑。…", Build(lf, "鳳凰"));
        Assert.Equal(Build(lf, "鳳凰"), Build(body, "鳳凰"));
    }

    [Fact]
    public void A_figure_caption_and_credit_without_blank_lines_stay_out_of_a_crlf_body_s_snippet()
    {
        var body = "第一段落。\r\n\r\n![颱風](https://example.com/a.jpg)\r\n颱風衛星雲圖\r\n圖／中央氣象署\r\n第二段落提到鳳凰颱風路徑。\r\n\r\n第三段落。";
        Assert.Equal("…第二段落提到<mark>鳳凰</mark>颱風路徑。…", Build(body, "鳳凰"));
    }

    [Fact]
    public void Snippet_within_a_long_paragraph_is_the_same_as_from_the_whole_body()
    {
        var markdown = $"{Intro}\n\n{Intro}研究團隊加入石墨烯，提升穩定性。{Intro}\n\n{Intro}";
        Assert.Equal(FullRender(markdown, "石墨烯"), Build(markdown, "石墨烯"));
    }

    [Fact]
    public void A_match_past_the_blocks_rendered_alone_still_gives_only_its_own_paragraph()
    {
        // Three paragraphs with markup come first: each is rendered to look for the match, then the whole body is.
        var markdown = "**一**段。\n\n[二](https://example.com)段。\n\n第*三*段。\n\n行內圖片在文字中。\n\n作者 | 探針記者\n\n本文為作者觀點。";
        Assert.Equal("…作者 | <mark>探針記者</mark>…", Build(markdown, "探針記者"));
    }

    /// <summary>
    /// A word wrapped across a line of Chinese text is one word to readers and to the index (the rendered text
    /// joins the line), but the snippet looked for it in the Markdown as written, where the line break split it: past the
    /// first part of the body rendered, or in a fenced body, the hit showed the start of the body with nothing marked.
    /// </summary>
    [Theory]
    [InlineData("", "蘋果公司正式發\n佈了摺疊手機。", "正式發佈", "…蘋果公司<mark>正式發佈</mark>了摺疊手機。")]
    [InlineData("```\ncode\n```\n\n", "蘋果公司正式發\r\n佈了摺疊手機。", "正式發佈", "…蘋果公司<mark>正式發佈</mark>了摺疊手機。")]
    public void A_word_wrapped_across_a_line_far_into_the_body_is_marked(string start, string paragraph, string query, string expected)
    {
        var markdown = start + string.Concat(Enumerable.Repeat(Intro + "\n\n", 6)) + paragraph;
        Assert.Equal(expected, Build(markdown, query));
    }

    /// <summary>
    /// A word whose characters inline markup splits in the Markdown (<c>**通義**千問</c>) is one word in the rendered text
    /// and the index, but past the paragraphs with markup rendered alone the snippet looked for it in the Markdown as
    /// written: the hit showed the start of the body with nothing marked.
    /// </summary>
    [Theory]
    [InlineData("阿里雲的**通義**千問今天發布。", "…阿里雲的<mark>通義千問</mark>今天發布。")]
    [InlineData("阿里雲的通義`千問`今天發布。", "…阿里雲的<mark>通義千問</mark>今天發布。")]
    [InlineData("阿里雲的~~通~~義千問今天發布。", "…阿里雲的<mark>通義千問</mark>今天發布。")]
    public void A_word_split_by_inline_markup_past_the_paragraphs_rendered_alone_is_marked(string paragraph, string expected)
    {
        var markdown = string.Concat(Enumerable.Repeat("開場白有**粗體**的段落，" + Intro + "\n\n", 6)) + paragraph;
        Assert.Equal(expected, Build(markdown, "通義千問"));
    }

    /// <summary>
    /// An HTML comment is no text of the article, to readers or to search, but a snippet cut from the body one paragraph
    /// or one part at a time showed a comment that ran across a blank line or past the part's start.
    /// </summary>
    [Theory]
    [InlineData("<!-- 編輯備註：\n\n數字待查證，石墨烯供應商未回覆 -->\n\n研究團隊在電極中加入石墨烯。", "研究團隊在電極中加入<mark>石墨烯</mark>。")]
    [InlineData("研究團隊加入石墨烯。\n\n<!-- 內部：\n\n石墨烯報價保密 -->\n\n結論段。", "研究團隊加入<mark>石墨烯</mark>。…")]
    public void Text_in_an_html_comment_is_never_in_the_snippet(string markdown, string expected) =>
        Assert.Equal(expected, Build(markdown, "石墨烯"));

    [Fact]
    public void A_comment_before_a_long_part_is_left_out_of_the_part_rendered_around_the_match()
    {
        var note = "<!-- 編輯備註：\n" + string.Concat(Enumerable.Repeat("內部討論石墨烯，不對外。\n", 200)) + "-->\n\n";
        var markdown = "```\ncode\n```\n\n" + note + "研究團隊在電極中加入石墨烯。";
        Assert.Equal("…研究團隊在電極中加入<mark>石墨烯</mark>。", Build(markdown, "石墨烯"));
    }

    /// <summary>The start of a body up to just short of the part searched: a comment after it runs across the cut.</summary>
    private static readonly string LongIntro = string.Concat(Enumerable.Repeat("Opening words without the term.\n\n", 1500));

    private static string Lines(string line, int count) => string.Concat(Enumerable.Repeat(line + "\n", count));

    public static TheoryData<string> NotesAcrossTheCut => new()
    {
        "<!-- supplier's graphene price\n\n" + Lines("confidential notes line.", 200) + "-->\n\n",
        "<!-- supplier's graphene price\n\n```js\nold();\n" + Lines("confidential notes line.", 200) + "-->\n\n",
        "<!-- supplier's graphene price\n\n```\n" + Lines("code line", 2000) + "```\n\n-->\n\n",
    };

    /// <summary>
    /// A comment open where the part searched ends, and closed past it, is a comment: the part read alone left it never
    /// closed, so text, and its note was the snippet. It is read as the whole body reads it, though only about 10,000
    /// characters past the cut are read (reviews): a fence it holds is its text, and a close further than that closes
    /// a comment that starts a line.
    /// </summary>
    [Theory]
    [MemberData(nameof(NotesAcrossTheCut))]
    public void A_comment_across_the_end_of_the_part_searched_is_never_in_the_snippet(string note)
    {
        Assert.InRange(BodySnippets.SearchedLength, LongIntro.Length + 60, LongIntro.Length + note.Length - 1);
        var snippet = Build(LongIntro + note + "We used graphene here.", "graphene");
        Assert.DoesNotContain("supplier", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", snippet, StringComparison.Ordinal);
    }

    /// <summary>
    /// An in-line <c>&lt;!--</c> whose paragraph ends before any close is text, a code span split by the cut holds no
    /// comment, a comment in a fence across the cut is code, and an opener split by the cut is a comment (reviews).
    /// </summary>
    [Fact]
    public void An_opener_inside_a_paragraph_that_runs_past_the_cut_and_never_closes_in_it_is_text()
    {
        var paragraph = "In HTML the sequence <!-- opens a comment, graphene aside, " + string.Concat(Enumerable.Repeat("and the prose runs on ", 60)) + "to the end.\n\n";
        var far = string.Concat(Enumerable.Repeat("Filler paragraph without the term.\n\n", 400)) + "Arrows such as --> are text too.";
        Assert.InRange(BodySnippets.SearchedLength, LongIntro.Length + 60, LongIntro.Length + paragraph.Length - 1);
        Assert.Contains("<mark>graphene</mark>", Build(LongIntro + paragraph + far, "graphene"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_span_split_by_the_cut_keeps_the_comment_it_shows()
    {
        var body = new string('x', 49_960) + "\n\nWrite graphene `<!--" + " " + new string('c', 40) + " -->` to hide a note.\n\nMore text.";
        Assert.Contains("&lt;!--", Build(body, "graphene"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_in_a_fence_across_the_cut_is_code_in_the_snippet()
    {
        var code = "```html\n" + Lines("<div>plain</div>", 20) + "<!-- zqmarker section -->\n" + Lines("<p>more code lines</p>", 100) + "```\n\nAfter.";
        Assert.Contains("<mark>zqmarker</mark>", Build(LongIntro + code, "zqmarker"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_opener_split_by_the_cut_is_not_in_the_snippet()
    {
        var body = new string('甲', 49_990) + "石墨烯丙丙丙丙" + "<!-- 備註 -->" + new string('乙', 100);
        Assert.Equal(50_000, BodySnippets.SearchedLength);
        Assert.DoesNotContain("&lt;!-", Build(body, "石墨烯"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A snippet of a body whose only text past the part searched is the rest of a comment open at its end stops with
    /// no ellipsis: the comment was counted as more text (review).
    /// </summary>
    [Fact]
    public void A_comment_that_ends_the_body_past_the_part_searched_is_no_text_after_the_snippet()
    {
        var note = "<!-- supplier's price\n\n" + Lines("confidential notes line.", 200) + "-->\n";
        var markdown = LongIntro + "We used graphene here.\n\n" + note;
        Assert.InRange(BodySnippets.SearchedLength, markdown.Length - note.Length + 1, markdown.Length - 1);
        Assert.Equal("…We used <mark>graphene</mark> here.", Build(markdown, "graphene"));
    }

    /// <summary>
    /// The first match in the source can render to nothing (an image's alt text, a link's URL): the snippet was then the
    /// unmarked start of the body, though a later paragraph says the word (found by a fuzzer).
    /// </summary>
    [Theory]
    [InlineData("![zqalttwo picture](image:1)")]
    [InlineData("See [the page](https://example.com/zqalttwo).")]
    public void A_first_match_that_renders_to_nothing_gives_way_to_a_later_one(string hidden)
    {
        var filler = string.Concat(Enumerable.Repeat("Plain filler sentence without the word.\n", 60));
        var markdown = $"Intro paragraph.\n\n{hidden}\n\nSee [one](https://example.com/1).\n\nSee [two](https://example.com/2).\n\n{filler}\nLater paragraph mentions zqalttwo here.";
        Assert.Equal("…Later paragraph mentions <mark>zqalttwo</mark> here.", Build(markdown, "zqalttwo"));
    }

    [Fact]
    public void A_match_in_a_fenced_block_gives_its_line_of_the_whole_rendered_body() =>
        Assert.Equal("…more <mark>graphene</mark> code…", Build("Text before.\n\n```\ncode\n\nmore graphene code\n```\n\nText after.", "graphene"));

    [Theory]
    [InlineData("![graphene](https://example.com/graphene.png)\n\nA paragraph without the word.\n\nAnother one.")]
    [InlineData("The word spans a blank line: open\n\nsource.")]
    public void Falls_back_to_the_whole_body_when_the_source_match_is_not_visible_text_or_blocks_cannot_be_cut(string markdown)
    {
        var query = markdown.Contains("open") ? "\"open source\"" : "graphene";
        Assert.Equal(FullRender(markdown, query), Build(markdown, query));
    }

    [Theory]
    [InlineData("Intro.\n\nWe used [graphene][g] in tests.\n\n[g]: https://example.com/x", "graphene")]
    [InlineData("研究加入**石墨**烯。\n\n另一段：石墨烯。", "石墨烯")]
    [InlineData("caf&eacute; first.\n\nLater cafe here.", "cafe")]
    [InlineData("Gra\\phene is escaped here.\n\nGraphene again.", "graphene")]
    public void Markup_that_changes_words_when_rendered_still_shows_the_first_match_of_the_rendered_body(string markdown, string query)
    {
        var snippet = StripEllipses(Build(markdown, query));
        var wholeBody = Snippets.Build(MarkdownRenderer.ToPlainText(markdown), SearchQuery.Parse(query), maxLength: 10_000);
        var at = wholeBody.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{snippet} is not in {wholeBody}");
        Assert.Equal(wholeBody.IndexOf("<mark>", StringComparison.Ordinal), at + snippet.IndexOf("<mark>", StringComparison.Ordinal));
    }

    /// <summary>The Intro paragraph enough times that a body holding it is longer than one render.</summary>
    private static readonly string LongFiller = string.Concat(Enumerable.Repeat(Intro + "\n\n", 6));

    /// <summary>
    /// A body longer than one render is rendered only around its match, and the definitions of its reference links
    /// and footnotes, at its end, were left out of that part: the snippet showed them as written,
    /// <c>…段落有[^x]與連結][y]&lt;mark&gt;乾坤震&lt;/mark&gt;…</c>, where a short body shows the link's text and
    /// leaves the footnote's reference out, as its plain text does.
    /// </summary>
    [Theory]
    [InlineData("開頭。\n\n段落有[^x]與[連結][y]乾坤震，後文。\n\n", "乾坤震", "…段落有與連結<mark>乾坤震</mark>，後文。…")]
    [InlineData("開頭。\n\n第二段提到[高通官網][qc]與驍龍晶片[^a]。\n\n", "高通官網", "…第二段提到<mark>高通官網</mark>與驍龍晶片。…")]
    [InlineData("開頭。\n\n第二段提到[高通官網][QC]與[驍龍][]晶片[^a]。\n\n", "高通官網", "…第二段提到<mark>高通官網</mark>與驍龍晶片。…")]
    public void References_in_a_long_body_resolve_to_definitions_at_its_end(string start, string query, string expected)
    {
        const string definitions = "[y]: https://example.com/y\n[qc]: https://www.qualcomm.com/ \"官網\"\n[驍龍]: https://example.com/sd\n\n" +
            "[^x]: 註解一的文字。\n\n[^a]: 註解二的文字。\n    第二行。";
        var markdown = start + LongFiller + definitions;
        Assert.True(markdown.Length > BodySnippets.RenderLength);
        Assert.Equal(expected, Build(markdown, query));
        Assert.Equal(expected, Build(start + definitions, query));
    }

    /// <summary>
    /// A word only a footnote's text holds is in the body's plain text and found by search, but the note, rendered
    /// without the reference that cites it, was dropped as a note nothing cites: the hit's highlight had no mark and
    /// was the start of the body.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_match_only_in_a_footnotes_text_is_marked_in_that_text(bool longBody)
    {
        var markdown = "開頭的段落引用了報導[^1]。\n\n" + (longBody ? LongFiller : "") + "[^1]: 據彭博社的報導，\n    工廠將延後完工。";
        Assert.Equal("…據<mark>彭博社</mark>的報導，工廠將延後完工。", Build(markdown, "彭博社"));
    }

    /// <summary>The definitions a part needs are found by a scan of the body's lines: the body is not rendered whole for them.</summary>
    [Fact]
    public void A_body_with_many_definitions_renders_only_the_part_around_the_match()
    {
        var cites = string.Concat(Enumerable.Range(0, 300).Select(i => $"Paragraph {i} cites a note[^{i}] and a [link][l{i}].\n\n"));
        var definitions = string.Concat(Enumerable.Range(0, 300).Select(i => $"[l{i}]: https://example.com/{i}\n[^{i}]: The note number {i}, long enough to count.\n"));
        var markdown = cites + "We used graphene in [tests][l7][^7].\n\n" + cites + definitions;

        string snippet = "";
        var building = Allocated(() => snippet = Build(markdown, "graphene"));

        Assert.Equal("…We used <mark>graphene</mark> in tests.…", snippet);
        // Beyond reading the body's words, which every snippet of a long body does, a small share of a whole render.
        var tokenizing = Allocated(() => TextUnits.Of(markdown, markdownSource: true));
        Assert.InRange(building - tokenizing, 0, Allocated(() => MarkdownRenderer.ToPlainText(markdown)) / 3);
    }

    [Fact]
    public void A_definition_written_inside_fenced_code_defines_nothing()
    {
        const string start = "開頭。\n\n段落寫著[連結][y]乾坤震。\n\n", code = "```\n[y]: https://example.com/y\n```";
        Assert.Equal(Build(start + code, "乾坤震"), Build(start + LongFiller + code, "乾坤震"));
    }

    [Fact]
    public void Body_without_a_match_shows_its_start()
    {
        var markdown = $"{Intro}\n\n{Intro}";
        Assert.Equal(FullRender(markdown, "石墨烯"), Build(markdown, "石墨烯"));
        Assert.StartsWith("開場白", Build(markdown, "石墨烯"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The best-passage rule read every block of every hit's body to find the best, which for a one-word query is always
    /// the first that matches: a search's hits on long articles each read their whole body, where they read up to the match.
    /// </summary>
    [Fact]
    public void A_one_word_query_reads_the_body_only_up_to_its_first_matching_block()
    {
        var markdown = "台積電今天公布石墨烯晶片的量產計畫。\n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"第{i}段：供應鏈的其他消息與市場分析，包括設備、材料與人才。\n\n"));
        var tokenizing = Allocated(() => TextUnits.Of(markdown, markdownSource: true));
        Build("石墨烯。\n\n其他。", "石墨烯"); // what a first call allocates once (the renderer's pipeline) is no cost of this body

        string snippet = "";
        var building = Allocated(() => snippet = Build(markdown, "石墨烯"));

        Assert.Equal("台積電今天公布<mark>石墨烯</mark>晶片的量產計畫。…", snippet);
        Assert.InRange(building, 0, tokenizing / 10);
    }

    private const string Paragraph = "Some words of an ordinary paragraph, and *more*.\n\n";

    /// <summary>A 500,000-character body with a fenced block, which used to have the whole body rendered.</summary>
    private static readonly string Fenced = "```\ncode\n```\n\n" + string.Concat(Enumerable.Repeat(Paragraph, 10_000));

    [Fact]
    public void A_body_without_the_match_shows_its_start_rendering_only_that()
    {
        // A match in the title only: rendering the whole body to find none in it allocated 55 MB (0.5 s) per hit.
        var tokenizing = Allocated(() => TextUnits.Of(Fenced));

        string snippet = "";
        var building = Allocated(() => snippet = Build(Fenced, "graphene"));

        Assert.StartsWith("code Some words of an ordinary paragraph, and more.", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.InRange(building, 0, tokenizing / 4);
    }

    [Fact]
    public void A_match_in_one_huge_paragraph_renders_only_the_text_around_it()
    {
        var markdown = new string('模', 250_000);

        string snippet = "";
        var building = Allocated(() => snippet = Build(markdown, string.Join(' ', Enumerable.Range(1, SearchQuery.MaxTerms).Select(n => new string('模', n)))));

        Assert.Equal($"<mark>{new string('模', Snippets.BodyLength)}</mark>…", snippet);
        Assert.InRange(building, 0, Allocated(() => TextUnits.Of(markdown)) / 2);
    }

    [Fact]
    public void A_match_deep_in_a_long_fenced_body_is_shown_in_its_line()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(Paragraph, 400));
        var markdown = "```\ncode\n```\n\n" + paragraphs + "We used graphene here.\n\n" + paragraphs;

        Assert.Equal("…We used <mark>graphene</mark> here.…", Build(markdown, "graphene"));
    }

    [Fact]
    public void A_match_past_the_searched_length_leaves_the_start_of_the_body()
    {
        var markdown = Fenced[..(BodySnippets.SearchedLength + 100)] + "\n\nWe used graphene here.";

        Assert.StartsWith("code Some words", Build(markdown, "graphene"), StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_comes_from_the_paragraph_holding_the_most_query_words_not_the_first_that_mentions_one()
    {
        var markdown = $"記者會一開始先談到模型的命名。\n\n{Intro}\n\n{Intro}\n\n團隊公布了模型訓練的新方法，成本降低一半。\n\n{Intro}";
        Assert.Equal("…團隊公布了<mark>模型訓練</mark>的新方法，成本降低一半。…", Build(markdown, "模型 訓練"));
    }

    [Fact]
    public void Among_paragraphs_holding_every_query_word_the_one_holding_them_closest_together_gives_the_snippet()
    {
        var markdown = "模型發布之後，團隊談到接下來的訓練計畫。\n\n今年的模型訓練花了三個月。\n\n結語。";
        Assert.Equal("…今年的<mark>模型訓練</mark>花了三個月。…", Build(markdown, "模型 訓練"));
    }

    [Fact]
    public void Among_paragraphs_that_match_alike_the_first_gives_the_snippet()
    {
        var markdown = "今年的模型訓練花了三個月。\n\n明年的模型訓練會更快。";
        Assert.Equal("今年的<mark>模型訓練</mark>花了三個月。…", Build(markdown, "模型 訓練"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_500)]
    [InlineData(30_000)]
    [InlineData(49_990)]
    public void Around_a_match_is_at_most_the_render_length_and_cut_at_line_ends(int at)
    {
        var markdown = string.Concat(Enumerable.Repeat("A line of text.\n", 50_000 / 16 + 1))[..50_000];

        var (from, to) = BodySnippets.Around(markdown, at);

        Assert.InRange(to - from, 1, BodySnippets.RenderLength);
        Assert.InRange(at, from, to - 1);
        Assert.True(from == 0 || markdown[from - 1] == '\n', $"starts at {from}");
        Assert.True(to == markdown.Length || markdown[to] == '\n', $"ends at {to}");
    }

    [Fact]
    public void Around_never_cuts_a_surrogate_pair()
    {
        var markdown = string.Concat(Enumerable.Repeat("𠀀", 10_000));

        for (var at = 0; at < markdown.Length; at += 997 * 2)
        {
            var (from, to) = BodySnippets.Around(markdown, at);
            Assert.False(char.IsLowSurrogate(markdown[from]), $"starts at {from}");
            Assert.False(to < markdown.Length && char.IsLowSurrogate(markdown[to]), $"ends at {to}");
        }
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
