using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>A resource has one URL: a capital letter in the path is a 404 naming the lowercase one, but escapes are no letters.</summary>
public sealed class CanonicalPathTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_capital_letter_is_a_404_naming_the_lowercase_url()
    {
        var response = await factory.Anonymous().GetAsync("/API/v1/Tags");
        Assert.Contains("(/api/v1/tags)", (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A slug written in capitals of any script is the 404 a capital ASCII letter is (one URL per resource), naming the
    /// URL that finds it: a word-ending Σ lowers to ς as slugs write it (the hint named "οδοσ", a 404), and the Turkish
    /// İ, which .NET's invariant lowercasing leaves as it is, to i (it passed as lowercase, a 404 with no hint).
    /// </summary>
    [Theory]
    [InlineData("articles", "Hello World", "HELLO-WORLD")]
    [InlineData("articles", "Привет мир", "ПРИВЕТ-МИР")]
    [InlineData("articles", "ΟΔΟΣ ΑΘΗΝΑΣ", "ΟΔΟΣ-ΑΘΗΝΑΣ")]
    [InlineData("tags", "İstanbul", "İSTANBUL")]
    [InlineData("tags", "Οδός", "ΟΔΟΣ")]
    [InlineData("authors", "Йошкар-Ола", "ЙОШКАР-ОЛА")]
    public async Task A_slug_in_capitals_of_any_script_is_a_404_naming_the_url_that_finds_it(string resource, string name, string capitals)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var created = resource == "articles"
            ? await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"{name} {marker}" })
            : await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = $"{name} {marker}" });
        if (resource != "articles")
        {
            await new TestContent(factory.Writer()).PublishWithAsync(resource, created.Id());
        }
        var slug = created["slug"]!.GetValue<string>();
        Assert.Equal($"{capitals}-{marker}".ToLowerInvariant().Replace("σ-", "ς-", StringComparison.Ordinal).Replace('İ', 'i'), slug);

        var response = await factory.Anonymous().GetAsync($"/api/v1/{resource}/slug/{Uri.EscapeDataString($"{capitals}-{marker}")}");

        var detail = (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        Assert.Contains($"(/api/v1/{resource}/slug/{slug})", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/{resource}/slug/{Uri.EscapeDataString(slug)}")).StatusCode);
    }

    /// <summary>
    /// Full-width capitals are the ASCII slug's, as lookups read a slug (NFKC): the 404 named the full-width lowercase
    /// <c>ａｉ</c> where the filter <c>?tag=ＡＩ</c> named <c>ai</c>, two spellings for one slug (operations review).
    /// </summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    [InlineData("articles")]
    public async Task Full_width_capitals_in_a_slug_path_are_a_404_naming_the_slug_the_filter_names(string resource)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var created = resource == "articles"
            ? await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"AI {marker}" })
            : await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = $"AI {marker}" });
        if (resource != "articles")
        {
            await new TestContent(factory.Writer()).PublishWithAsync(resource, created.Id());
        }
        Assert.Equal($"ai-{marker}", created["slug"]!.GetValue<string>());

        var response = await factory.Anonymous().GetAsync($"/api/v1/{resource}/slug/{Uri.EscapeDataString($"ＡＩ-{marker}")}");

        var detail = (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        Assert.Contains($"(/api/v1/{resource}/slug/ai-{marker})", detail, StringComparison.Ordinal);
        var filter = resource == "articles" ? "slug" : resource[..^1];
        var filtered = await factory.Anonymous().GetAsync($"/api/v1/articles?{filter}={Uri.EscapeDataString($"ＡＩ-{marker}")}");
        Assert.Contains($"write ai-{marker}.", (await filtered.AssertProblemAsync(HttpStatusCode.BadRequest)).ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A lowercase σ ending a word is no capital: the path is looked up, not refused.</summary>
    [Fact]
    public async Task A_lowercase_sigma_ending_a_word_is_no_capital()
    {
        var response = await factory.Anonymous().GetAsync($"/api/v1/tags/slug/{Uri.EscapeDataString("οδοσ-" + Guid.NewGuid().ToString("N")[..8])}");
        var detail = (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        Assert.DoesNotContain("lowercase", detail, StringComparison.Ordinal);
    }

    /// <summary>The hint lowers only what was a capital: a σ sent in lowercase stays σ (it was written ς, another slug).</summary>
    [Fact]
    public async Task The_hint_keeps_a_lowercase_sigma_the_path_already_had()
    {
        var slug = "οδοσ-" + Guid.NewGuid().ToString("N")[..8];

        var response = await factory.Anonymous().GetAsync($"/api/v1/Tags/slug/{Uri.EscapeDataString(slug)}");

        var detail = (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        Assert.Contains($"(/api/v1/tags/slug/{slug})", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/articles/slug/a%2Fb")]
    [InlineData("/api/v1/tags/slug/a%2fb")]
    public async Task A_percent_escape_written_in_capitals_is_no_capital_letter(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);
        var detail = (await response.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        Assert.DoesNotContain("lowercase", detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// The response cache keys a path as escaped: decoded, <c>/tags/2%3Ffields=name</c> (a 400: no such id) was served
    /// the cached <c>/tags/2?fields=name</c> once that had been read (found by a fuzzer).
    /// </summary>
    [Fact]
    public async Task An_escaped_question_mark_in_the_path_is_no_query_to_the_response_cache()
    {
        var content = new TestContent(factory.Writer());
        var tag = await content.TagAsync();
        await content.PublishWithAsync("tags", tag);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/tags/{tag}?fields=name")).StatusCode);

        var escaped = await factory.Anonymous().GetAsync($"/api/v1/tags/{tag}%3Ffields=name");

        await escaped.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Keyed on the path escaped again, %25E4%25B8%25AD (the text "%E4%B8%AD") was served the cached 中 (found in review).</summary>
    [Fact]
    public async Task An_escaped_percent_sign_in_the_path_is_no_escape_to_the_response_cache()
    {
        var slug = $"中文-{Guid.NewGuid():N}"[..12];
        var tag = await (await factory.Writer().PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = slug, slug }))).AssertJsonAsync(HttpStatusCode.Created);
        await new TestContent(factory.Writer()).PublishWithAsync("tags", tag.Id());
        var escaped = Uri.EscapeDataString(slug);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/tags/slug/{escaped}")).StatusCode);

        var twice = await factory.Anonymous().GetAsync($"/api/v1/tags/slug/{escaped.Replace("%", "%25", StringComparison.Ordinal)}");

        await twice.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
