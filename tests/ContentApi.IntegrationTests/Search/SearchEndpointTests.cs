using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// GET /api/v1/search and q on GET /api/v1/articles: envelope, highlights, visibility, filters, ranking rules.
/// Each test searches for its own nonce word, so tests sharing the app never see each other's articles.
/// </summary>
public sealed class SearchEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private static string Nonce() => "w" + Guid.NewGuid().ToString("N")[..12];

    private Task<JsonObject> ArticleAsync(string title, string body, params (string Key, object? Value)[] extra) =>
        _content.ArticleAsync(new Dictionary<string, object?>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))) { ["title"] = title, ["body"] = body });

    private static long Id(JsonNode article) => article["id"]!.GetValue<long>();

    [Fact]
    public async Task Search_returns_the_list_envelope_with_articles_without_body_and_with_highlights()
    {
        var n = Nonce();
        var inTitle = await ArticleAsync($"{n} in the title", "Nothing else here.", ("publishedAt", "2025-01-01T00:00:00Z"));
        var inBody = await ArticleAsync("Something else", $"The body mentions {n} once.", ("publishedAt", "2025-06-01T00:00:00Z"));
        await ArticleAsync("Unrelated", "Nothing to see.");

        var response = await factory.Anonymous().GetAsync(SearchApi.Url(n));
        var list = await response.AssertJsonAsync();

        Assert.Equal(["items", "page"], list.Select(p => p.Key).Order());
        Assert.Equal(20, list["page"]!["limit"]!.GetValue<int>());
        Assert.Null(list["page"]!["nextCursor"]!);
        Assert.Equal(2, list.Total());
        Assert.Equal([Id(inTitle), Id(inBody)], list.Ids());
        var first = list["items"]![0]!.AsObject();
        var read = await (await factory.Anonymous().GetAsync($"/api/v1/articles/{Id(inTitle)}")).AssertJsonAsync();
        Assert.Equal(read.Select(p => p.Key).Where(k => k != "body").Append("highlights").Order(), first.Select(p => p.Key).Order());
        var withBody = await (await factory.Anonymous().GetAsync(SearchApi.Url(n) + "&fields=id,body")).AssertJsonAsync();
        Assert.Equal("Nothing else here.", withBody["items"]![0]!["body"]!.GetValue<string>());
        Assert.Equal(read["authors"]!.ToJsonString(), first["authors"]!.ToJsonString());
        Assert.Equal([("title", $"<mark>{n}</mark> in the title")], first.Highlights());
        var second = list["items"]![1]!.Highlights();
        Assert.Contains(("body", $"The body mentions <mark>{n}</mark> once."), second);
        Assert.DoesNotContain(second, h => h.Field == "title");
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task A_pasted_sentence_of_about_100_chinese_characters_finds_the_article_holding_it_and_marks_it()
    {
        // 107 characters: matched in the index by its first 33 (64 tokens), marked whole in the snippet.
        const string sentence = "研究團隊在今年發表的報告中指出新型固態電池的能量密度已經比現有的鋰離子電池高出將近一倍而且在攝氏零下二十度的低溫環境裡仍然可以維持八成以上的容量這項成果有望讓電動車在寒冷地區的續航里程大幅提升並且降低充電所需的時間";
        var n = Nonce();
        var article = await ArticleAsync($"{n} 固態電池", $"前言。\n\n{sentence}。\n\n結語。");

        var list = await factory.Anonymous().GetJsonAsync(SearchApi.Url(sentence));

        var hit = Assert.Single(list["items"]!.AsArray(), i => Id(i!) == Id(article))!;
        Assert.Contains(("body", $"…<mark>{sentence}</mark>。…"), hit.Highlights());
    }

    [Fact]
    public async Task A_long_query_against_a_body_of_one_repeated_character_is_answered_with_a_short_snippet()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} repeated", new string('模', 20_000));

        var list = await factory.Anonymous().GetJsonAsync(SearchApi.Url($"{n} {new string('模', 240)}"));

        Assert.Equal([Id(article)], list.Ids());
        Assert.Contains(("body", $"<mark>{new string('模', ContentApi.Search.Snippets.BodyLength)}</mark>…"), list["items"]![0]!.Highlights());
    }

    [Fact]
    public async Task More_words_than_allowed_is_a_400_naming_q_that_says_how_many()
    {
        var q = string.Join(' ', Enumerable.Range(0, ContentApi.Search.SearchQuery.MaxTerms + 1).Select(i => $"w{i}"));

        var errors = await factory.Anonymous().GetErrorsAsync(SearchApi.Url(q));

        Assert.Equal(ContentApi.Search.SearchQuery.TooManyTermsMessage, errors.Message("q"));
        Assert.Contains("16", errors.Message("q"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}storage, {0}grid")]
    [InlineData("{0}storage、{0}grid")]
    [InlineData("{0}grid；{0}storage")]
    public async Task Words_separated_by_list_punctuation_must_all_match_anywhere(string query)
    {
        var n = Nonce();
        var both = await ArticleAsync($"{n}storage for the grid", $"Batteries feed the {n}grid at night.");
        await ArticleAsync($"{n}storage alone", "No second word.");

        var list = await factory.Anonymous().GetJsonAsync(SearchApi.Url(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, n)));

        Assert.Equal([Id(both)], list.Ids());
    }

    [Fact]
    public async Task Search_finds_arabic_text_whatever_its_digits_and_tatweel_and_marks_the_words_as_written()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} رؤية", "تستهدف رؤية ٢٠٣٠ رفع إنتاج الطـاقة المتجددة إلى ٥٠ بالمئة.");

        foreach (var query in new[] { $"{n} 2030", $"{n} الطاقة", $"{n} 50", $"{n} الطـاقة ٢٠٣٠" })
        {
            var list = await (await factory.Anonymous().GetAsync(SearchApi.Url(query))).AssertJsonAsync();
            Assert.Equal([Id(article)], list.Ids());
        }
        var highlighted = await (await factory.Anonymous().GetAsync(SearchApi.Url($"{n} 2030 الطاقة"))).AssertJsonAsync();
        Assert.Contains(("body", "تستهدف رؤية <mark>٢٠٣٠</mark> رفع إنتاج <mark>الطـاقة</mark> المتجددة إلى ٥٠ بالمئة."), highlighted["items"]![0]!.Highlights());
    }

    [Fact]
    public async Task Search_highlights_mark_query_terms_and_escape_every_other_html_character()
    {
        var n = Nonce();
        await ArticleAsync($"<script>alert(\"{n}\")</script> & <b>{n}</b>'s",
            $"Before <img src=x onerror=alert(1)> {n} & \"quoted\" <script>steal()</script> after.",
            ("subtitle", $"<i>{n}</i> subtitle"));

        var item = (await factory.Anonymous().SearchAsync(n))["items"]![0]!;
        var highlights = item.Highlights();

        Assert.Contains(("title", $"&lt;script&gt;alert(&quot;<mark>{n}</mark>&quot;)&lt;/script&gt; &amp; &lt;b&gt;<mark>{n}</mark>&lt;/b&gt;&#39;s"), highlights);
        Assert.Contains(("subtitle", $"&lt;i&gt;<mark>{n}</mark>&lt;/i&gt; subtitle"), highlights);
        Assert.Contains(highlights, h => h.Field == "body" && h.Snippet.Contains($"<mark>{n}</mark> &amp; &quot;quoted&quot;", StringComparison.Ordinal));
        Assert.All(highlights, h => SearchApi.AssertOnlyMarkTags(h.Snippet));

        var script = (await factory.Anonymous().SearchAsync($"script {n}"))["items"]![0]!.Highlights();
        Assert.Contains(("title", $"&lt;<mark>script</mark>&gt;alert(&quot;<mark>{n}</mark>&quot;)&lt;/<mark>script</mark>&gt; &amp; &lt;b&gt;<mark>{n}</mark>&lt;/b&gt;&#39;s"), script);
        Assert.All(script, h => SearchApi.AssertOnlyMarkTags(h.Snippet));
    }

    [Fact]
    public async Task Search_match_through_an_author_tag_or_image_credit_marks_it_there()
    {
        var n = Nonce();
        var author = await _content.AuthorAsync($"{n} Writer");
        var other = await _content.AuthorAsync("Other Writer");
        var tag = await _content.TagAsync($"{n}標籤");
        var image = await _content.ImageAsync(credit: $"圖源:{n}", caption: "A caption");
        await ArticleAsync("Plain title", "Plain body text.", ("authorIds", new[] { other, author }), ("tagIds", new[] { tag }), ("coverImageId", image));

        var item = (await factory.Anonymous().SearchAsync(n))["items"]![0]!;

        Assert.Equal([("authors", $"<mark>{n}</mark> Writer"), ("tags", $"<mark>{n}</mark>標籤"), ("images", $"A caption 圖源:<mark>{n}</mark>")], item.Highlights());
    }

    /// <summary>
    /// An article whose cover is also in its body, beside another photo with the same caption and credit, showed that
    /// text twice in the images highlight, "新廠預計兩年內完工 圖源:ifanr · 新廠預計兩年內完工 圖源:ifanr" (seeded data), and
    /// indexed the cover's caption and credit twice, once as the cover and once as an image of the body.
    /// </summary>
    [Fact]
    public async Task Search_match_in_images_shows_each_text_once_and_indexes_each_image_once()
    {
        var n = Nonce();
        Task<long> PhotoAsync() => _content.ImageAsync(credit: $"圖源:{n}", caption: "新廠預計兩年內完工");
        var (cover, other) = (await PhotoAsync(), await PhotoAsync());
        var both = await ArticleAsync("Plain title", $"![新廠](image:{cover})\n\nPlain body text.\n\n![新廠](image:{other})",
            ("coverImageId", cover), ("imageIds", new[] { cover, other }));
        var apart = await ArticleAsync("Plain title", "Plain body text.", ("coverImageId", await PhotoAsync()), ("imageIds", new[] { await PhotoAsync() }));

        var item = (await factory.Anonymous().SearchAsync(n))["items"]!.AsArray().Single(i => Id(i!) == Id(both))!;

        Assert.Equal([("images", $"新廠預計兩年內完工 圖源:<mark>{n}</mark>")], item.Highlights());
        Assert.Equal(IndexedImageTokens(Id(apart)), IndexedImageTokens(Id(both)));
    }

    /// <summary>
    /// Review: a multi-line caption or credit (shown with a br in its figure) kept its raw line breaks in the images
    /// highlight, where the body and excerpt snippets read each whitespace run as one space, or none beside full-width
    /// punctuation.
    /// </summary>
    [Fact]
    public async Task Search_match_in_a_multi_line_image_text_reads_its_line_breaks_as_the_other_snippets_do()
    {
        var n = Nonce();
        var image = await _content.ImageAsync(credit: $"圖源：中央社\n攝影  {n}", caption: "台北101夜景：\n象山步道遠眺\r\nTaipei 101 at night");
        await ArticleAsync("Plain title", "Plain body text.", ("coverImageId", image));

        var item = (await factory.Anonymous().SearchAsync(n))["items"]![0]!;

        Assert.Equal([("images", $"台北101夜景：象山步道遠眺 Taipei 101 at night 圖源：中央社 攝影 <mark>{n}</mark>")], item.Highlights());
    }

    [Fact]
    public async Task Search_shows_once_the_image_texts_that_differ_only_in_their_line_breaks()
    {
        var n = Nonce();
        var crlf = await _content.ImageAsync(credit: $"圖源：中央社 {n}", caption: "台北101夜景：\r\n象山步道遠眺");
        var lf = await _content.ImageAsync(credit: $"圖源：中央社 {n}", caption: "台北101夜景：\n象山步道遠眺");
        await ArticleAsync("Plain title", "Plain body text.", ("coverImageId", crlf), ("imageIds", new[] { lf }));

        var item = (await factory.Anonymous().SearchAsync(n))["items"]![0]!;

        Assert.Equal([("images", $"台北101夜景：象山步道遠眺 圖源：中央社 <mark>{n}</mark>")], item.Highlights());
    }

    /// <summary>
    /// The index holds each line of an image's caption and credit apart, but the images highlight matched them joined:
    /// an article found by its author 李景記 also showed <c>台北101夜&lt;mark&gt;景 記&lt;/mark&gt;者王小明攝</c>, a word its
    /// photo does not hold, across the caption and the credit (and so across two lines of a caption).
    /// </summary>
    [Fact]
    public async Task Search_match_in_images_highlight_never_runs_across_a_caption_and_its_credit_or_two_lines()
    {
        foreach (var (name, word, credit, caption) in new[] { ("李景記", "景記", "記者王小明攝", "台北101夜景"), ("張山遠", "山遠", (string?)null, "象山\n遠眺") })
        {
            var n = Nonce();
            var image = await _content.ImageAsync(credit: credit, caption: caption);
            await ArticleAsync("Plain title", "Plain body text.", ("authorIds", new[] { await _content.AuthorAsync($"{n} {name}") }), ("imageIds", new[] { image }));

            var item = (await factory.Anonymous().SearchAsync($"{n} {word}"))["items"]![0]!;

            Assert.Equal([("authors", $"<mark>{n}</mark> {name.Replace(word, $"<mark>{word}</mark>")}")], item.Highlights());
        }
    }

    /// <summary>How many tokens the index holds in an article's images column.</summary>
    private long IndexedImageTokens(long articleId)
    {
        using var db = factory.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING fts5vocab(main, articles_fts, instance);
            SELECT count(*) FROM temp.fts_instances WHERE doc = $id AND col = 'images';
            """;
        command.Parameters.AddWithValue("$id", articleId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// A body longer than one render (2,000 characters) was rendered for its snippet only around the match, without
    /// the definitions of its reference links and footnotes at its end: <c>…段落有[^x]與連結][y]&lt;mark&gt;乾坤震&lt;/mark&gt;…</c>;
    /// and a word only a footnote's text held gave the unmarked start of the body.
    /// </summary>
    [Fact]
    public async Task Search_snippet_of_a_long_body_resolves_its_reference_links_and_footnotes()
    {
        var n = Nonce();
        var filler = string.Concat(Enumerable.Repeat("這是一段沒有要找的詞的填充文字，用來讓正文超過兩千字。\n\n", 90));
        var body = $"開頭。\n\n段落有[^x]與[連結][y]乾坤震{n}，後文。\n\n{filler}[y]: https://example.com/y\n\n[^x]: 據彭博社{n}的報導。";
        Assert.InRange(body.Length, 2_300, 3_000);
        await ArticleAsync("Plain title", body);

        var inText = (await factory.Anonymous().SearchAsync($"乾坤震{n}"))["items"]![0]!.Highlights();
        var inNote = (await factory.Anonymous().SearchAsync($"彭博社{n}"))["items"]![0]!.Highlights();

        Assert.Equal([("body", $"…段落有與連結<mark>乾坤震{n}</mark>，後文。…")], inText);
        Assert.Equal([("body", $"…據<mark>彭博社{n}</mark>的報導。")], inNote);
    }

    /// <summary>
    /// A derived excerpt leaves headings and figures out, so a phrase ran across where one was, in the excerpt the
    /// article is served with and not in its body: it was a hit with the unmarked start of the body for a highlight (found
    /// by a fuzzer), then marked in the excerpt. The excerpt is indexed with a gap where it joins two paragraphs, as the
    /// body is at each block's end, so the phrase finds nothing now (review); its words unquoted still find it.
    /// </summary>
    [Fact]
    public async Task Search_phrase_across_the_paragraphs_a_derived_excerpt_joins_finds_nothing()
    {
        var (first, second) = (Nonce(), Nonce());
        var article = await ArticleAsync("Plain title", $"Alpha {first}.\n\n## Heading words\n\n{second} beta.");

        Assert.Empty((await factory.Anonymous().SearchAsync($"\"{first} {second}\"")).Ids());
        var item = (await factory.Anonymous().SearchAsync($"{first} {second}"))["items"]![0]!;
        Assert.Equal(Id(article), Id(item));
        Assert.Equal($"Alpha {first}. {second} beta.", item["excerpt"]!.GetValue<string>());
        Assert.Equal([("body", $"Alpha <mark>{first}</mark>.…")], item.Highlights());
    }

    /// <summary>
    /// A derived excerpt joins its paragraphs with a space, which Chinese runs read across: 台積電 found an article
    /// holding 台積 and 電子 on either side of a heading, marked "台積 電" in its excerpt (review). Indexed on a write,
    /// again from the tables (a tag renamed), and on a replace restating the derived excerpt, as a GET gave it.
    /// </summary>
    [Fact]
    public async Task Search_chinese_word_never_runs_across_the_paragraphs_a_derived_excerpt_joins()
    {
        const string body = "第一段結尾台積\n\n## 標題\n\n電子公司第二段。";
        const string excerpt = "第一段結尾台積 電子公司第二段。";
        var (n, m) = (Nonce(), Nonce());
        var tag = await _content.TagAsync($"{n} tag");
        var article = await ArticleAsync($"{n} 標題", body, ("tagIds", new[] { tag }));
        var byTag = await ArticleAsync("Plain title", body, ("tagIds", new[] { await _content.TagAsync($"台積電 {m}") }));
        Assert.Equal(excerpt, article["excerpt"]!.GetValue<string>());

        async Task AssertNoMatchAcrossTheJoin()
        {
            foreach (var q in new[] { $"{n} 台積電", $"{n} 積電子", $"{n} \"台積 電\"" })
            {
                Assert.Empty((await factory.Anonymous().SearchAsync(q)).Ids());
            }
            var item = (await factory.Anonymous().SearchAsync($"{n} 台積 電子"))["items"]![0]!; // each word where it is
            Assert.Equal((Id(article), excerpt), (Id(item), item["excerpt"]!.GetValue<string>()));
        }

        await AssertNoMatchAcrossTheJoin();
        (await factory.Writer().PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"{n} renamed" })).EnsureSuccessStatusCode();
        await AssertNoMatchAcrossTheJoin();
        (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { excerpt })).EnsureSuccessStatusCode();
        await AssertNoMatchAcrossTheJoin();
        // Found through its tag alone, the article's excerpt holds no match to mark.
        Assert.Equal([("tags", $"<mark>台積電</mark> <mark>{m}</mark>")], (await factory.Anonymous().SearchAsync($"{m} 台積電"))["items"]![0]!.Highlights());
        Assert.Equal(Id(byTag), Id((await factory.Anonymous().SearchAsync(m))["items"]![0]!));
    }

    /// <summary>
    /// An article's authors, tags and image texts were indexed joined with spaces, which Chinese runs read across: 豪王
    /// found an article by 劉家豪 and 王柏翰, with the unmarked start of its body for a highlight (review). Indexed on a
    /// write and again from the tables (an author renamed).
    /// </summary>
    [Fact]
    public async Task Search_chinese_word_never_runs_across_two_names_or_an_image_caption_and_credit()
    {
        var n = Nonce();
        var authors = new[] { await _content.AuthorAsync("劉家豪"), await _content.AuthorAsync("王柏翰") };
        var tags = new[] { await _content.TagAsync($"{n}半導體"), await _content.TagAsync($"台積電{n}") };
        var images = new[] { await _content.ImageAsync(credit: "中央社", caption: "台北夜景"), await _content.ImageAsync(caption: "晶圓廠") };
        var article = await ArticleAsync("Plain title", "Plain body text.",
            ("authorIds", authors), ("tagIds", tags), ("coverImageId", images[0]), ("imageIds", images));

        async Task AssertNoMatchAcrossNames()
        {
            foreach (var q in new[] { $"{n} 豪王", $"{n} 家豪王柏", $"{n} 體台", $"{n} 景中", $"{n} 社晶" })
            {
                Assert.Empty((await factory.Anonymous().SearchAsync(q)).Ids());
            }
            Assert.Equal([Id(article)], (await factory.Anonymous().SearchAsync($"{n} 家豪 王柏 半導體 台積電 夜景 中央社 晶圓廠")).Ids());
        }

        await AssertNoMatchAcrossNames();
        (await factory.Writer().PatchMergeAsync($"/api/v1/authors/{authors[1]}", new { name = "王柏宇" })).EnsureSuccessStatusCode();
        await AssertNoMatchAcrossNames();
    }

    /// <summary>
    /// A quoted phrase matched across two of an article's names, as their words sat next to each other in the index:
    /// "Quill Marlow" found an article by Jane Quill and Marlow Doe, "Island Reuters" one whose photo's caption ends in
    /// Island and whose credit is Reuters (review). A token no query makes now stands between two names, as
    /// Elasticsearch leaves a gap between an array's values; each name's own phrase, and the words unquoted, still match.
    /// </summary>
    [Fact]
    public async Task Search_quoted_phrase_never_runs_across_two_names()
    {
        var n = Nonce();
        var authors = new[] { await _content.AuthorAsync("Jane Quill"), await _content.AuthorAsync("Marlow Doe") };
        var image = await _content.ImageAsync(credit: "Reuters", caption: "Bleached coral near Lizard Island");
        var article = await ArticleAsync($"{n} names", "Plain body text.", ("authorIds", authors), ("imageIds", new[] { image }));

        foreach (var q in new[] { "\"Quill Marlow\"", "\"Island Reuters\"" })
        {
            Assert.Empty((await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        foreach (var q in new[] { "\"Jane Quill\"", "\"Lizard Island\"", "Quill Marlow", "Island Reuters" })
        {
            Assert.Equal([Id(article)], (await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
    }

    /// <summary>
    /// A table row's cells were joined by a space in the plain text, which Chinese runs read across: 鸕鶿 found
    /// "| 欄一鸕 | 鶿欄二 |", highlighted "欄一<mark>鸕 鶿</mark>欄二", and 灣大 "| 台灣 | 大學 |" (review). Also through the
    /// excerpt of a body that is only a table, and a cell's &lt;br&gt;.
    /// </summary>
    [Fact]
    public async Task Search_chinese_word_never_runs_across_two_table_cells()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} table",
            "| 欄一鸕 | 鶿欄二 |\n| --- | --- |\n| 台灣 | 大學 |\n| 第一行鵟<br>鷂第二行 | x |");

        foreach (var q in new[] { "鸕鶿", "灣大", "鵟鷂", "鸕 鶿" })
        {
            Assert.Empty((await factory.Anonymous().SearchAsync($"{n} \"{q}\"")).Ids());
        }
        var hit = (await factory.Anonymous().SearchAsync($"{n} 欄一鸕 台灣"))["items"]![0]!;
        Assert.Equal(Id(article), Id(hit));
        Assert.DoesNotContain('\t', hit["excerpt"]!.GetValue<string>());
        Assert.All(hit.Highlights(), highlight => Assert.DoesNotContain('\t', highlight.Snippet));
        var read = await (await factory.Anonymous().GetAsync($"/api/v1/articles/{Id(article)}?format=text")).AssertJsonAsync();
        Assert.Equal("欄一鸕\t鶿欄二\n台灣\t大學\n第一行鵟\t鷂第二行\tx", read["plainText"]!.GetValue<string>());
        Assert.Equal("欄一鸕 鶿欄二 台灣 大學 第一行鵟 鷂第二行 x", read["excerpt"]!.GetValue<string>());
    }

    /// <summary>
    /// A hard line break, which the HTML shows, was joined in the derived excerpt as a wrapped line is: the excerpt read
    /// 第一行鵟鷂第二行, and 鵟鷂 found the article through it alone (review). A wrapped line still joins.
    /// </summary>
    [Theory]
    [InlineData("第一行鵟\\\n鷂第二行")]
    [InlineData("第一行鵟  \n鷂第二行")]
    [InlineData("第一行鵟<br>鷂第二行")]
    public async Task Search_chinese_word_never_runs_across_a_hard_line_break_in_the_derived_excerpt(string body)
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} poem", body + "\n\n第二段\n文字");

        Assert.Empty((await factory.Anonymous().SearchAsync($"{n} 鵟鷂")).Ids());
        Assert.Equal([Id(article)], (await factory.Anonymous().SearchAsync($"{n} 第一行鵟 鷂第二行 第二段文字")).Ids());
        var read = await (await factory.Anonymous().GetAsync($"/api/v1/articles/{Id(article)}?format=text")).AssertJsonAsync();
        Assert.Equal("第一行鵟 鷂第二行 第二段文字", read["excerpt"]!.GetValue<string>());
        Assert.Equal("第一行鵟\n鷂第二行\n第二段文字", read["plainText"]!.GetValue<string>());
    }

    /// <summary>
    /// A quoted phrase of Latin words matched across two cells of a table row, a paragraph and the heading after it, two
    /// list items and a hard line break, whose words sat next to each other in the index: "Quill Marlow" found
    /// "| Jane Quill | Marlow Doe |", "zbr1 zbr2" "zbr1\⏎zbr2" (review). A token no query makes now stands at each, as
    /// between two names; the words unquoted, a phrase within one block and one across a wrapped line still match.
    /// </summary>
    [Fact]
    public async Task Search_quoted_phrase_never_runs_across_a_table_cell_a_block_or_a_hard_line_break()
    {
        var n = Nonce();
        var table = await ArticleAsync($"{n} table", "| Jane Quill | Marlow Doe |\n|---|---|\n| a | b |");
        var blocks = await ArticleAsync($"{n} blocks",
            "First para ends zpara1\n\n## zhead2 heading\n\n- item zli1\n- zli2 item\n\nLine one zbr1\\\nzbr2 and a\nwrapped zsoft1\nzsoft2 line");

        foreach (var q in new[] { "\"Quill Marlow\"", "\"zpara1 zhead2\"", "\"zli1 zli2\"", "\"zbr1 zbr2\"" })
        {
            Assert.Empty((await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        foreach (var q in new[] { "Quill Marlow", "\"Jane Quill\"" })
        {
            Assert.Equal([Id(table)], (await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        foreach (var q in new[] { "zpara1 zhead2", "zli1 zli2", "zbr1 zbr2", "\"ends zpara1\"", "\"zsoft1 zsoft2\"" })
        {
            Assert.Equal([Id(blocks)], (await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        var hit = (await factory.Anonymous().SearchAsync($"{n} \"Jane Quill\""))["items"]![0]!;
        Assert.Contains(hit.Highlights(), highlight => highlight.Snippet.Contains("<mark>Jane Quill</mark>", StringComparison.Ordinal));
    }

    /// <summary>
    /// Corner brackets, the quotation marks of Traditional Chinese and Japanese, quoted nothing: 「machine learning」 and
    /// 『machine learning』 found an article holding both words apart, as unquoted (review).
    /// </summary>
    [Fact]
    public async Task Search_corner_brackets_quote_a_phrase()
    {
        var n = Nonce();
        var phrase = await ArticleAsync($"{n} phrase", "An introduction to machine learning.");
        var apart = await ArticleAsync($"{n} apart", "Learning a machine takes time.");

        foreach (var q in new[] { "「machine learning」", "『machine learning』", "“machine learning”" })
        {
            Assert.Equal([Id(phrase)], (await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        Assert.Equal([Id(apart)], (await factory.Anonymous().SearchAsync($"{n} machine -「machine learning」")).Ids());
    }

    /// <summary>
    /// Quotation marks and brackets ended a Chinese run in the index: "先進製程發表" and "台積電先進製程" did not find
    /// "台積電「先進製程」發表", as search engines ignore such marks and Latin's punctuation is ignored (review).
    /// </summary>
    [Fact]
    public async Task Search_chinese_run_reads_across_quotation_marks_and_brackets()
    {
        var n = Nonce();
        var bracketed = await ArticleAsync($"{n} 新聞", "台積電「先進製程」發表，收錄於《半導體年鑑》。");
        await ArticleAsync($"{n} 另一則", "先進製程將於明年發表，台積電表示。");

        foreach (var q in new[] { "先進製程發表", "台積電先進製程", "台積電「先進製程」發表", "於半導體", "“台積電「先進製程」發表”" })
        {
            Assert.Equal([Id(bracketed)], (await factory.Anonymous().SearchAsync($"{n} {q}")).Ids());
        }
        var hit = (await factory.Anonymous().SearchAsync($"{n} 先進製程發表"))["items"]![0]!;
        Assert.Contains(("body", "台積電「<mark>先進製程</mark>」<mark>發表</mark>，收錄於《半導體年鑑》。"), hit.Highlights());
    }

    /// <summary>A full-width minus, as an input method in full-width mode types it, made "－GPT" required, not excluded (review).</summary>
    [Fact]
    public async Task Search_full_width_minus_excludes()
    {
        var n = Nonce();
        var plain = await ArticleAsync($"{n} 測試", "一般的測試。");
        await ArticleAsync($"{n} GPT 測試", "GPT 的測試。");

        Assert.Equal([Id(plain)], (await factory.Anonymous().SearchAsync($"{n} －GPT 測試")).Ids());
    }

    /// <summary>An unclosed quote made the rest of the query one phrase, which found nothing here (review).</summary>
    [Fact]
    public async Task Search_unclosed_quote_is_ignored_and_its_words_match_anywhere()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} café", "Une crème brûlée, puis un café.");

        foreach (var q in new[] { $"\"{n} crème", $"{n} \"crème", $"{n} crème\"" })
        {
            Assert.Equal([Id(article)], (await factory.Anonymous().SearchAsync(q)).Ids());
            Assert.Equal([Id(article)], (await factory.Anonymous().ListAsync(q)).Ids());
        }
        Assert.Empty((await factory.Anonymous().SearchAsync($"\"{n} crème\"")).Ids()); // a closed quote still makes a phrase
    }

    [Fact]
    public async Task Search_match_in_an_embed_the_response_leaves_out_shows_the_start_of_the_body()
    {
        var n = Nonce();
        var author = await _content.AuthorAsync($"{n} Writer");
        await ArticleAsync("Plain title", "Plain body text.", ("authorIds", new[] { author }));

        var item = (await factory.Anonymous().SearchAsync(n, "include="))["items"]![0]!;

        Assert.Equal([("body", "Plain body text.")], item.Highlights());
    }

    [Theory]
    [InlineData("id,bodyHtml")]
    [InlineData("toc")]
    [InlineData("plainText,slug")]
    public async Task Search_fields_refuse_the_renderings_search_never_returns(string fields)
    {
        var message = (await factory.Anonymous().GetErrorsAsync($"/api/v1/search?q=x&fields={fields}")).Message("fields");

        var allowed = message.Split("Allowed:")[1];
        Assert.Contains("highlights", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("bodyHtml", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("plainText", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_fields_can_keep_highlights_in_a_sparse_result()
    {
        var n = Nonce();
        await ArticleAsync($"{n} sparse", "Body.");

        var item = (await factory.Anonymous().SearchAsync(n, "fields=slug,highlights&include="))["items"]![0]!.AsObject();

        Assert.Equal(["highlights", "slug"], item.Select(p => p.Key).Order());
        Assert.Equal([("title", $"<mark>{n}</mark> sparse")], item.Highlights());
    }

    [Fact]
    public async Task Search_anonymous_never_finds_drafts_or_scheduled_articles_but_a_read_key_does()
    {
        var n = Nonce();
        var published = await ArticleAsync($"{n} published", "Body.", ("publishedAt", "2025-01-01T00:00:00Z"));
        var draft = await ArticleAsync($"{n} draft", "Body.", ("status", "draft"));
        var scheduled = await ArticleAsync($"{n} scheduled", "Body.", ("publishedAt", "2099-01-01T00:00:00Z"));

        Assert.Equal([Id(published)], (await factory.Anonymous().SearchAsync(n)).Ids());
        Assert.Equal([Id(published)], (await factory.Anonymous().ListAsync(n)).Ids());
        Assert.Equal(1, (await factory.Anonymous().SearchAsync(n)).Total());
        Assert.Equal(0, (await factory.Anonymous().SearchAsync($"{n} draft")).Total());
        Assert.Equal(0, (await factory.Anonymous().SearchAsync($"{n} scheduled")).Total());

        var asReader = await factory.Reader().SearchAsync(n);
        Assert.Equal(new[] { Id(draft), Id(published), Id(scheduled) }.Order(), asReader.Ids().Order());
        Assert.Equal(3, asReader.Total());
        Assert.Equal(3, (await factory.Reader().ListAsync(n)).Total());
        Assert.Equal([Id(draft)], (await factory.Reader().ListAsync(n, "status=draft")).Ids());
        var response = await factory.Reader().GetAsync(SearchApi.Url(n));
        Assert.True(response.Headers.CacheControl?.Private, "a key unlocked drafts: the response must be private");
    }

    [Fact]
    public async Task Search_equal_scores_are_ordered_newest_first()
    {
        var n = Nonce();
        // Same shape, so the same BM25 score; created in an order that differs from the publication order.
        var middle = await ArticleAsync($"{n} report alpha", "Same body text.", ("publishedAt", "2025-02-01T00:00:00Z"));
        var oldest = await ArticleAsync($"{n} report gamma", "Same body text.", ("publishedAt", "2025-01-01T00:00:00Z"));
        var newest = await ArticleAsync($"{n} report delta", "Same body text.", ("publishedAt", "2025-03-01T00:00:00Z"));

        var results = await factory.Anonymous().SearchAsync(n);

        Assert.Equal([Id(newest), Id(middle), Id(oldest)], results.Ids());
    }

    [Fact]
    public async Task Search_title_match_ranks_above_newer_body_matches_even_in_a_long_article()
    {
        var n = Nonce();
        var longBody = SearchCorpus.Instance.Articles.Single(a => a.BodyFile is not null).ReadBody();
        var longRead = await ArticleAsync($"{n} 深度報導", longBody, ("language", "zh-Hant"), ("publishedAt", "2025-01-01T00:00:00Z"));
        var brief = await ArticleAsync("Brief", $"A brief that names {n} once.", ("publishedAt", "2025-06-01T00:00:00Z"));
        var repeated = await ArticleAsync("Notes", $"{n}, {n} and {n} again.", ("publishedAt", "2025-07-01T00:00:00Z"));

        var results = await factory.Anonymous().SearchAsync(n);

        Assert.Equal(Id(longRead), results.Ids()[0]);
        Assert.Equal(new[] { Id(brief), Id(repeated) }.Order(), results.Ids().Skip(1).Order());
    }

    [Fact]
    public async Task Search_and_list_q_combine_with_author_tag_and_language_filters()
    {
        var n = Nonce();
        var x = await _content.AuthorAsync();
        var y = await _content.AuthorAsync();
        var t = await _content.TagAsync();
        var tagSlug = (await (await factory.Reader().GetAsync($"/api/v1/tags/{t}")).AssertJsonAsync())["slug"]!.GetValue<string>();
        var a = await ArticleAsync($"{n} a", "Body.", ("authorIds", new[] { x }), ("tagIds", new[] { t }));
        var b = await ArticleAsync($"{n} b", "內文。", ("authorIds", new[] { y }), ("tagIds", new[] { t }), ("language", "zh-Hant"));
        var c = await ArticleAsync($"{n} c", "Body.", ("authorIds", new[] { x }));
        var d = await ArticleAsync($"{n} d", "Body.", ("authorIds", new[] { x }), ("tagIds", new[] { t }), ("status", "draft"));
        await ArticleAsync("No nonce", "Body.", ("authorIds", new[] { x }), ("tagIds", new[] { t }));

        foreach (var search in new Func<HttpClient, string, Task<JsonObject>>[] { (client, more) => client.SearchAsync(n, more), (client, more) => client.ListAsync(n, more) })
        {
            var anonymous = factory.Anonymous();
            Assert.Equal(new[] { Id(a), Id(c) }.Order(), (await search(anonymous, $"author={x}")).Ids().Order());
            Assert.Equal(new[] { Id(a), Id(b) }.Order(), (await search(anonymous, $"tag={t}")).Ids().Order());
            Assert.Equal(new[] { Id(a), Id(b) }.Order(), (await search(anonymous, $"tag={Uri.EscapeDataString(tagSlug)}")).Ids().Order());
            Assert.Equal([Id(b)], (await search(anonymous, "language=zh-hant")).Ids());
            Assert.Equal(new[] { Id(a), Id(b) }.Order(), (await search(anonymous, $"tag={t}&language=*")).Ids().Order());
            Assert.Equal([Id(a)], (await search(anonymous, $"author={x}&tag={t}&language=en")).Ids());
            Assert.Equal(1, (await search(anonymous, $"author={x}&tag={t}")).Total());
            Assert.Equal(new[] { Id(a), Id(d) }.Order(), (await search(factory.Reader(), $"author={x}&tag={t}")).Ids().Order());
            Assert.Empty((await search(anonymous, $"author={y}&language=en")).Ids());
        }
    }

    [Fact]
    public async Task ListArticles_q_keeps_the_requested_sort()
    {
        var n = Nonce();
        var b = await ArticleAsync($"{n} Banana", $"{n} {n} {n}");
        var a = await ArticleAsync($"{n} Apple", "Body.");
        var c = await ArticleAsync($"{n} Cherry", "Body.");

        Assert.Equal([Id(a), Id(b), Id(c)], (await factory.Anonymous().ListAsync(n, "sort=title")).Ids());
        Assert.Equal([Id(c), Id(b), Id(a)], (await factory.Anonymous().ListAsync(n, "sort=-title")).Ids());
        Assert.Null((await factory.Anonymous().ListAsync(n))["items"]![0]!["highlights"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-only")]
    [InlineData("***")]
    public async Task ListArticles_invalid_q_is_400_naming_q(string q)
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/articles?q=" + Uri.EscapeDataString(q));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["q"]);
    }
}
