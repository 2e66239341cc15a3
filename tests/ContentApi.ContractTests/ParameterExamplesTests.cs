using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.TestSupport;

namespace ContentApi.ContractTests;

/// <summary>
/// An example a query parameter's description gives ("e.g. `id,slug`") is a value the operation takes: readers copy it.
/// The image list's and image's <c>fields</c> said "e.g. `id,slug`", and images have no slug, so the copied example
/// was a 400.
/// </summary>
public sealed partial class ParameterExamplesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_example_in_a_list_parameters_description_is_accepted()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var anonymous = factory.Anonymous();
        var tried = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (path.Contains('{', StringComparison.Ordinal) || operations!["get"] is not { } get)
            {
                continue;
            }
            foreach (var parameter in get["parameters"]!.AsArray())
            {
                if (parameter!["in"]!.GetValue<string>() != "query" || parameter["description"]?.GetValue<string>() is not { } description)
                {
                    continue;
                }
                foreach (Match example in Example().Matches(description))
                {
                    var name = parameter["name"]!.GetValue<string>();
                    var query = $"{name}={Uri.EscapeDataString(example.Groups[1].Value)}" + (path.EndsWith("/search", StringComparison.Ordinal) ? "&q=word" : "");
                    var response = await anonymous.GetAsync($"{path}?{query}");
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    tried++;
                }
            }
        }
        Assert.True(tried >= 5, $"only {tried} examples found");
    }

    [GeneratedRegex(@"e\.g\. `([^`]+)`")]
    private static partial Regex Example();
}
