using ContentApi.IntegrationTests.Writes;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A resource has one URL, however else a request line spells it. Kestrel resolves <c>.</c> and <c>..</c> segments
/// (escaped too) and decodes escapes before routing, so <c>/api/v1/articles/%2e%2e/authors</c> answered the author
/// list under another URL, cacheable there (found by a fuzzer). Over a real socket: HttpClient resolves and decodes
/// them before sending.
/// </summary>
public sealed class UrlSpellingTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    /// <summary>An escaped letter, digit or -._~ is another spelling too: /tags/%31%31%32 was tag 112 (found by a fuzzer).</summary>
    [Theory]
    [InlineData("/api/v1/articles/%2e%2e/authors?limit=1", "/api/v1/authors", "no '.' or '..' segments")]
    [InlineData("/api/v1/tags/%2E%2E/articles", "/api/v1/articles", "no '.' or '..' segments")]
    [InlineData("/api/v1/./tags", "/api/v1/tags", "no '.' or '..' segments")]
    [InlineData("/api/v1/tags/../authors", "/api/v1/authors", "no '.' or '..' segments")]
    [InlineData("/api/v1/tags/%31", "/api/v1/tags/1", "written unescaped")]
    [InlineData("/api/v1/articles/slug/a%2Db", "/api/v1/articles/slug/a-b", "written unescaped")]
    [InlineData("/api/v1/%61uthors?limit=1", "/api/v1/authors", "written unescaped")]
    // Resolved out of /api (found in review).
    [InlineData("/api/%2e%2e/openapi/v1.json", "/openapi/v1.json", "no '.' or '..' segments")]
    [InlineData("/api/v1/../../health/live", "/health/live", "no '.' or '..' segments")]
    // The OpenAPI document, cached publicly like the content, has one URL too. With a slash after it Swashbuckle wrote
    // it anew at every request (~0.1-0.4 s of CPU each, for anyone), without its ETag or Cache-Control and in other
    // bytes than the committed file; a capital or an escape served it under another cache key.
    [InlineData("/openapi/v1.json/", "/openapi/v1.json", "do not end in a slash")]
    [InlineData("/OpenAPI/v1.json", "/openapi/v1.json", "paths are lowercase")]
    [InlineData("/openapi/V1.JSON", "/openapi/v1.json", "paths are lowercase")]
    [InlineData("/openapi/./v1.json", "/openapi/v1.json", "no '.' or '..' segments")]
    [InlineData("/openapi/%761.json", "/openapi/v1.json", "written unescaped")]
    public async Task A_url_spelt_otherwise_is_a_404_naming_the_url_it_meant(string target, string meant, string rule)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.Contains($"{rule} ({meant})", response, StringComparison.Ordinal);
    }

    /// <summary>/api/v1/tags/slug/.. resolves to /api/v1/tags/, and its 404 named the tag list as the URL meant (input review).</summary>
    [Theory]
    [InlineData("/api/v1/tags/slug/..")]
    [InlineData("/api/v1/articles/slug/%2e%2e/")]
    [InlineData("/api/v1/./")]
    public async Task A_dot_segment_resolving_to_a_path_ending_in_a_slash_names_no_url(string target)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.Contains("no '.' or '..' segments.\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_is_served_at_its_url()
    {
        var response = await GetRawAsync("/openapi/v1.json");

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
        Assert.Contains("ETag: \"d-", response, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/v1/tags/slug/%E4%B8%AD%E6%96%87")]
    [InlineData("/api/v1/tags/slug/a%2Fb")]
    [InlineData("/api/v1/tags?slug=%61")]
    [InlineData("/api/v1/tags?q=..")]
    [InlineData("/api/v1/tags/slug/a.b")]
    public async Task Dots_elsewhere_and_escapes_that_are_needed_are_the_url_itself(string target)
    {
        var response = await GetRawAsync(target);

        Assert.DoesNotContain("segments", response, StringComparison.Ordinal);
        Assert.DoesNotContain("unescaped", response, StringComparison.Ordinal);
    }

    /// <summary>Kestrel keeps an escape that is not UTF-8 as written, and the slug "%FF" was looked up: a 404, where <c>?tag=%FF</c> is a 400.</summary>
    [Theory]
    [InlineData("/api/v1/tags/slug/%FF")]
    [InlineData("/api/v1/articles/slug/%E6%A8%A1%E5%9E%8B%E5?fields=id")]
    public async Task A_slug_path_whose_escapes_are_not_UTF_8_is_a_400_naming_slug(string target)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("\"errors\":{\"slug\":[\"Must be UTF-8 text", response, StringComparison.Ordinal);
    }

    /// <summary>
    /// RFC 3986 §2.1 writes an escape's hex digits in uppercase, as browsers send them: <c>%e4%ba%ba</c> and <c>%E4%ba%BA</c>
    /// were 200s with the same ETag, each a copy in a CDN keyed on the URL and missed by a purge of the others. (Kestrel
    /// refuses raw non-ASCII bytes in the request line with a bare 400 before the API sees them.)
    /// </summary>
    [Theory]
    [InlineData("/api/v1/tags/slug/%e4%ba%ba%e5%b7%a5%e6%99%ba%e6%85%a7")]
    [InlineData("/api/v1/tags/slug/%E4%ba%BA%E5%B7%A5%E6%99%BA%E6%85%A7")]
    [InlineData("/api/v1/tags/slug/%E4%BA%BA%E5%B7%A5%E6%99%BA%e6%85%a7")]
    public async Task A_path_escaped_in_lowercase_hex_is_a_404_naming_the_uppercase_escapes(string target)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.Contains("(/api/v1/tags/slug/%E4%BA%BA%E5%B7%A5%E6%99%BA%E6%85%A7)", response, StringComparison.Ordinal);
    }

    /// <summary>A '%' not followed by two hex digits was looked up as written: a 404, or one naming %e4%zz as the URL meant.</summary>
    [Theory]
    [InlineData("/api/v1/articles/slug/a%zz")]
    [InlineData("/api/v1/articles/slug/%E4%ZZ")]
    [InlineData("/api/v1/articles/slug/a%2")]
    [InlineData("/api/v1/tags/slug/100%")]
    public async Task A_slug_path_with_a_malformed_escape_is_a_400_naming_slug(string target)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("\"errors\":{\"slug\":[\"A '%' must begin an escape", response, StringComparison.Ordinal);
    }

    /// <summary>A malformed escape beside a '.' segment, which Kestrel resolves away, turned the other rules off: a 200, cached publicly.</summary>
    [Theory]
    [InlineData("/api/v1/x%zz/../tags?limit=1")]
    [InlineData("/api/v1/tags/%zz/..")]
    [InlineData("/openapi/x%zz/../v1.json")]
    public async Task A_dot_segment_beside_a_malformed_escape_is_still_the_404(string target)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.Contains("'.' or '..' segments", response, StringComparison.Ordinal);
    }

    /// <summary>ASP.NET keeps a malformed escape in a query value as written: tag=%zz was a 200 empty page, cached publicly.</summary>
    [Theory]
    [InlineData("/api/v1/articles?tag=%zz", "tag")]
    [InlineData("/api/v1/search?q=50%", "q")]
    [InlineData("/api/v1/tags?limit=1&slug=a%g1", "slug")]
    public async Task A_query_value_with_a_malformed_escape_is_a_400_naming_its_parameter(string target, string parameter)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains($"\"errors\":{{\"{parameter}\":[\"A '%' must begin an escape", response, StringComparison.Ordinal);
    }

    private Task<string> GetRawAsync(string target) => factory.SendRawAsync("GET", target);
}
