using ContentApi.IntegrationTests.Writes;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A preflight asking for a header name with a control or non-ASCII character was a 500 with an error logged: the read
/// policy copies the names it is asked for into Access-Control-Allow-Headers, which Kestrel refuses to write (found by
/// a fuzzer). Over a real socket: the test server writes any header, and HttpClient sends none of these.
/// </summary>
public sealed class PreflightHeaderNamesTests(LoggedKestrelFactory factory) : IClassFixture<LoggedKestrelFactory>
{
    [Theory]
    [InlineData("x-a\u0001")]
    [InlineData("x-a\u007f")]
    [InlineData("x-\u00e9")]
    [InlineData("if-none-match, x y(z)")]
    // White space is allowed around the commas only: "x a" was allowed and echoed (found by a probe).
    [InlineData("x a")]
    [InlineData("if-none-match, x\ta")]
    public async Task A_preflight_asking_for_what_is_no_header_name_is_a_400(string names)
    {
        var logged = factory.Logs.Count;

        var response = await factory.SendRawAsync("OPTIONS", "/api/v1/articles", "Origin: https://blog.example.org",
            "Access-Control-Request-Method: GET", $"Access-Control-Request-Headers: {names}");

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        // Filed under the header's name, as every 400 for what the client sent has errors (it had a detail alone).
        Assert.Contains("\"errors\":{\"Access-Control-Request-Headers\":[", response, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Skip(logged), entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    /// <summary>Only a preflight (Origin and Access-Control-Request-Method) is judged: any other OPTIONS is left to routing.</summary>
    [Fact]
    public async Task An_options_request_that_is_no_preflight_is_not_judged()
    {
        var response = await factory.SendRawAsync("OPTIONS", "/api/v1/articles", "Access-Control-Request-Headers: x-\u00e9");

        Assert.DoesNotContain("Access-Control-Request-Headers must", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_asking_for_header_names_is_allowed()
    {
        var response = await factory.SendRawAsync("OPTIONS", "/api/v1/articles", "Origin: https://blog.example.org",
            "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: if-none-match ,\tx-request-id");

        Assert.StartsWith("HTTP/1.1 204 ", response, StringComparison.Ordinal);
        Assert.Contains("Access-Control-Allow-Headers: if-none-match,x-request-id", response, StringComparison.OrdinalIgnoreCase);
    }
}
