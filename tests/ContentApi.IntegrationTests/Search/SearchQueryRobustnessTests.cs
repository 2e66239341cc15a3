using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// Hostile and malformed queries never reach FTS5 as syntax and never give a 500: they give results or a 400
/// problem. Pagination of ranked results. Runs over the fixture corpus, so FTS5 really executes each query.
/// </summary>
public sealed class SearchQueryRobustnessTests(SearchCorpusFactory factory) : IClassFixture<SearchCorpusFactory>
{
    private const string Search = "/api/v1/search";
    private const string Articles = "/api/v1/articles";

    /// <summary>(query, expected total, or -1 for a 400 problem).</summary>
    public static TheoryData<string, int> BadQueries() => new()
    {
        { "", -1 },
        { "   \t ", -1 },
        { "!?.,;:()[]{}", -1 },
        { "*", -1 },
        { ":", -1 },
        { "^", -1 },
        { ")", -1 },
        { "\"", -1 },
        { "\"\"\"\"", -1 },
        { "-only", -1 },
        { "-TSMC -Tesla", -1 },
        { "-", -1 },
        { "\u0001\u0002\u001f", -1 },
        { "🚗🚕", 0 },                  // emoji are words, found where an article holds them
        { new string('a', 2000), -1 },
        { string.Join(' ', Enumerable.Repeat("tsmc", 33)), -1 },
        { string.Join(' ', Enumerable.Repeat("tsmc", 17)), -1 },
        { string.Join(' ', Enumerable.Repeat("tsmc", 16)), 2 },
        { new string('a', 256), 0 },
        { "\"unbalanced", 0 },
        { "TSMC \"Arizona fab", 1 },
        { "NEAR(", 0 },
        { "NEAR(TSMC Taiwan)", 0 },      // not an FTS5 NEAR group: "near" must match as a word
        { "NEAR(TSMC", 0 },
        { "Tes*", 0 },                   // not a prefix query
        { "TSMC*", 2 },
        { "^TSMC", 2 },                  // not an initial-token query
        { "title:Blackwell", 0 },        // not a column filter: "title" must match as a word
        { "title:foo", 0 },
        { "{title body}: TSMC", 0 },
        { "a OR b", 0 },
        { "TSMC OR Tesla", 0 },          // not an OR: "or" must match as a word
        { "TSMC AND", 0 },
        { "NOT TSMC", 0 },
        { "TSMC)", 2 },
        { "(TSMC", 2 },
        { "TSMC\"", 2 },
        { "- TSMC", 2 },                 // a lone minus is not an exclusion
        { "--TSMC Taiwan", 0 },          // excludes "TSMC", so not the Arizona article
        { "TSMC\u0000", -1 },             // a control character is no text, as everywhere in the API
        { "TS\u0007MC", -1 },
        { "caf\u0000e", -1 },
        { "caf\u0001e", -1 },
        { "TSMC\u007f", -1 },
        { "TSMC\u0085", -1 },
        { "TSMC\t\r\n", 2 },             // but tabs and line breaks, which separate words
        { "'; DROP TABLE articles; --", 0 },
        { "\"); DELETE FROM articles_fts; --", 0 },
        { "Tesla \uFFFD", 1 },
        { "\uFFFDTesla", 1 },
        { "Tesla\uFFFE", 1 },             // a noncharacter .NET refuses to normalize
        { "\uFFFE", -1 },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Search_malformed_query_gives_results_or_400_never_500(string q, int total)
    {
        foreach (var path in new[] { Search, Articles })
        {
            var response = await factory.Anonymous().GetAsync($"{path}?q={Uri.EscapeDataString(q)}");

            if (total < 0)
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.NotNull(problem["errors"]!["q"]);
            }
            else
            {
                Assert.Equal(total, (await response.AssertJsonAsync()).Total());
            }
        }
        Assert.Equal(2, (await factory.Anonymous().SearchAsync("TSMC")).Total()); // and the index is still there
    }

    /// <summary>A NUL inside a word split it, and the query silently found nothing (review).</summary>
    [Fact]
    public async Task Search_control_character_in_q_is_400_saying_so()
    {
        foreach (var path in new[] { Search, Articles })
        {
            var response = await factory.Anonymous().GetAsync($"{path}?q=caf%00e");

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(ContentApi.Text.TextRules.ControlCharacterMessage, problem["errors"]!["q"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Search_without_q_is_400_naming_q()
    {
        var problem = await (await factory.Anonymous().GetAsync(Search)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["q"]);
    }

    [Fact]
    public async Task Search_too_long_query_says_so()
    {
        var problem = await (await factory.Anonymous().GetAsync(SearchApi.Url(new string('x', 2000)))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("256", problem["errors"]!["q"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_2000_chinese_characters_exceed_the_url_limit_with_a_414_problem()
    {
        // 2,000 CJK characters are 18,000 characters percent-encoded: over the URL limit before the query is read.
        var response = await factory.Anonymous().GetAsync(SearchApi.Url(string.Concat(Enumerable.Repeat("通義千問", 500))));

        await response.AssertProblemAsync(HttpStatusCode.RequestUriTooLong);
    }

    [Theory]
    [InlineData("%ED%A0%80")]           // a lone high surrogate, UTF-8 encoded (invalid UTF-8)
    [InlineData("%ED%B0%80")]           // a lone low surrogate
    [InlineData("TSMC%ED%A0%80")]
    [InlineData("%ED%A0%80TSMC")]
    [InlineData("%FF%FE")]
    [InlineData("%C0%AF")]              // overlong encoding of '/'
    [InlineData("%F0%9F")]              // truncated sequence
    public async Task Search_invalid_utf8_in_the_url_is_a_400_naming_q(string rawQuery)
    {
        // ASP.NET Core leaves percent-sequences that are not valid UTF-8 as they are ("%ED%A0%80" stays those nine
        // characters): searched as the words "ed a0 80", they were a 200 with nothing found, where a body that is not
        // UTF-8 is refused.
        foreach (var path in new[] { Search, Articles })
        {
            var errors = await factory.Anonymous().GetErrorsAsync($"{path}?q={rawQuery}");
            Assert.Contains("UTF-8", errors.Message("q"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_a_percent_sign_that_starts_no_escape_is_text()
    {
        foreach (var path in new[] { Search, Articles })
        {
            Assert.Equal(0, (await (await factory.Anonymous().GetAsync($"{path}?q=%zz")).AssertJsonAsync()).Total());
        }
    }

    [Fact]
    public async Task Search_valid_percent_encoded_replacement_character_is_ignored_as_punctuation()
    {
        var list = await (await factory.Anonymous().GetAsync($"{Search}?q=%EF%BF%BDTSMC")).AssertJsonAsync();

        Assert.Equal(2, list.Total());
    }

    [Fact]
    public async Task Search_next_cursor_walks_every_result_once_in_rank_order()
    {
        var all = await factory.Anonymous().SearchAsync("AI", "limit=100&fields=id");
        var expected = all.Ids();
        Assert.Equal(12, expected.Count);

        var walked = new List<long>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await factory.Anonymous().SearchAsync("AI", "limit=5&fields=id" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(5, page["page"]!["limit"]!.GetValue<int>());
            Assert.Equal(12, page.Total());
            walked.AddRange(page.Ids());
            cursor = page.NextCursor();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Search_next_page_has_a_link_header_and_the_last_page_links_only_to_the_first()
    {
        var first = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "limit=10"));
        var body = await first.AssertJsonAsync();
        var link = string.Join(",", first.Headers.GetValues("Link"));
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("cursor=" + body.NextCursor(), link, StringComparison.Ordinal);

        var last = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "limit=10&cursor=" + body.NextCursor()));
        Assert.Null((await last.AssertJsonAsync()).NextCursor());
        var lastLinks = string.Join(",", last.Headers.GetValues("Link"));
        Assert.DoesNotContain("rel=\"next\"", lastLinks, StringComparison.Ordinal);
        Assert.Contains($"<{SearchApi.Url("AI", "limit=10")}>; rel=\"first\"", lastLinks, StringComparison.Ordinal);
    }

    /// <summary>Search's last page is the one holding its last result within the first 1,000, whatever the limit.</summary>
    [Fact]
    public async Task Search_links_to_its_last_page_at_any_limit()
    {
        var shallow = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "limit=5&page=2&fields=id"));
        var last = shallow.LinkTo("last")!;
        Assert.EndsWith("&page=3", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync(last)).StatusCode);

        var deep = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "limit=1&page=2&fields=id"));
        Assert.Equal(12, (await deep.AssertJsonAsync()).Total());
        Assert.Equal(SearchApi.Url("AI", "limit=1&fields=id&page=12"), deep.LinkTo("last"));
        Assert.Equal(SearchApi.Url("AI", "limit=1&fields=id"), deep.LinkTo("prev"));
    }

    [Fact]
    public async Task Search_page_2_is_the_second_slice_of_the_ranking()
    {
        var all = (await factory.Anonymous().SearchAsync("AI", "limit=100&fields=id")).Ids();

        var page2 = await factory.Anonymous().SearchAsync("AI", "limit=5&page=2&fields=id");
        var page3 = await factory.Anonymous().SearchAsync("AI", "limit=5&page=3&fields=id");

        Assert.Equal(all.Skip(5).Take(5), page2.Ids());
        Assert.Equal(all.Skip(10), page3.Ids());
        Assert.Equal(12, page2.Total());
        Assert.Null(page3.NextCursor());
    }

    [Fact]
    public async Task Search_page_past_the_end_is_empty_not_an_error()
    {
        var page = await factory.Anonymous().SearchAsync("TSMC", "page=5");

        Assert.Empty(page.Ids());
        Assert.Equal(2, page.Total());
        Assert.Null(page.NextCursor());
    }

    public static TheoryData<string> InvalidPaging() => new()
    {
        "cursor=not-a-cursor",
        "cursor=",
        "cursor=" + new string('A', 2000),
        "cursor=WyJyYW5rIiwiLTEiLCIwIl0",          // ["rank","-1","0"]: negative position
        "cursor=WyJyYW5rIiwiMTAwMCIsIjAiXQ",       // ["rank","1000","0"]: past the deepest page
        "cursor=WyJyYW5rIiwiYWJjIiwiMCJd",         // ["rank","abc","0"]
        "cursor=WyItcHVibGlzaGVkQXQiLCIyMDI1LTAxLTAxVDAwOjAwOjAwLjAwMDAwMFoiLCIzIl0", // a cursor of the article list
        "cursor=WyJyYW5rIiwiNSIsIjAiXQ&page=2",    // both
        "page=0",
        "page=-1",
        "page=abc",
        "page=51",                                 // 1,000 results are 50 pages of the default 20
        "limit=100&page=11",
        "limit=1&page=1001",
        "limit=0",
        "limit=101",
        "limit=abc",
    };

    [Theory]
    [MemberData(nameof(InvalidPaging))]
    public async Task Search_invalid_cursor_page_or_limit_is_400(string paging)
    {
        var response = await factory.Anonymous().GetAsync(SearchApi.Url("AI", paging));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Search pages go less deep than the lists', but are refused in the lists' words, with the bound for the limit asked for.</summary>
    [Fact]
    public async Task Search_page_or_limit_out_of_range_is_refused_in_the_lists_words()
    {
        var client = factory.Anonymous();
        Assert.Equal("Must be a page number from 1 to 50: search goes 1000 results deep, 50 pages of limit=20.",
            (await client.GetErrorsAsync(SearchApi.Url("AI", "page=51"))).Message("page"));
        Assert.Equal("Must be a page number from 1 to 34: search goes 1000 results deep, 34 pages of limit=30.",
            (await client.GetErrorsAsync(SearchApi.Url("AI", "limit=30&page=35"))).Message("page"));
        Assert.Equal((await client.GetErrorsAsync($"{Articles}?limit=101")).Message("limit"),
            (await client.GetErrorsAsync(SearchApi.Url("AI", "limit=101"))).Message("limit"));
    }

    /// <summary>
    /// Numbered pages reach the 1,000th result, as the cursor does: pages 1-10 only, whatever the limit, left
    /// results 201-1,000 out of reach at limit=20 (an integrator's probe).
    /// </summary>
    [Theory]
    [InlineData("limit=20&page=50")]
    [InlineData("limit=30&page=34")]   // results 991-1,000
    [InlineData("limit=1&page=1000")]
    [InlineData("page=11")]
    public async Task Search_takes_every_page_number_within_the_first_1000_results(string paging)
    {
        var response = await factory.Anonymous().GetAsync(SearchApi.Url("AI", paging));

        Assert.Equal(12, (await response.AssertJsonAsync()).Total());
    }

    [Fact]
    public async Task Search_cursor_of_the_article_list_is_refused()
    {
        var list = await factory.Anonymous().ListAsync("AI", "limit=2");
        var cursor = list.NextCursor();
        Assert.NotNull(cursor);

        var response = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "cursor=" + cursor));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["cursor"]);
    }

    [Fact]
    public async Task Search_unknown_query_parameter_is_400()
    {
        var response = await factory.Anonymous().GetAsync(SearchApi.Url("AI", "sort=title"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["sort"]);
    }

    [Fact]
    public async Task ListArticles_q_pages_with_the_list_cursor_without_repeats()
    {
        var walked = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            JsonObject page = await factory.Anonymous().ListAsync("AI", "limit=5&fields=id" + (cursor is null ? "" : "&cursor=" + cursor));
            walked.AddRange(page.Ids());
            cursor = page.NextCursor();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(12, walked.Count);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal((await factory.Anonymous().ListAsync("AI", "limit=100&fields=id")).Ids(), walked);
    }
}
