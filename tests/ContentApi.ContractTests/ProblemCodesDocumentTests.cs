using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ContentApi.Http.Errors;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace ContentApi.ContractTests;

/// <summary>
/// Every problem schema declares <c>code</c>, required, as an enum of every code the server can send: a generated
/// client then switches on a union type, not on English detail text, and a code the server sends is never outside it.
/// </summary>
public sealed class ProblemCodesDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] ServerCodes = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_code_is_snake_case_distinct_and_has_a_meaning()
    {
        Assert.NotEmpty(ServerCodes);
        Assert.Equal(ServerCodes.Length, ServerCodes.Distinct().Count());
        Assert.All(ServerCodes, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
        Assert.Equal(ServerCodes.Order(), ProblemCodes.Meanings.Select(m => m.Code).Order());
    }

    /// <summary>
    /// One <c>ProblemCode</c> schema, a string listing the known codes in <c>x-extensible-enum</c> rather than <c>enum</c>:
    /// a closed enum, written inline in each problem, made four unrelated code types in NSwag, and a code added later
    /// made every NSwag client throw an untyped exception for the whole problem, losing its detail and traceId.
    /// </summary>
    [Fact]
    public async Task Every_problem_requires_a_code_referring_to_one_extensible_ProblemCode_listing_every_code()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        // The other problems inherit it (Every_other_problem_schema_extends_ProblemDetails_with_its_own_members_only).
        var problem = schemas["ProblemDetails"]!;
        Assert.Contains("code", problem["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/components/schemas/ProblemCode", problem["properties"]!["code"]!["$ref"]?.GetValue<string>());
        var problemCode = schemas["ProblemCode"]!;
        Assert.Equal("string", problemCode["type"]!.GetValue<string>());
        Assert.True(problemCode["enum"] is null, "ProblemCode is a closed enum");
        Assert.Equal(ProblemCodes.Meanings.Select(m => m.Code), problemCode["x-extensible-enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(ServerCodes.Order(), problemCode["x-extensible-enum"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
        var description = problemCode["description"]!.GetValue<string>();
        Assert.All(ServerCodes, c => Assert.Contains($"`{c}`", description, StringComparison.Ordinal));
        Assert.Contains("x-extensible-enum", description, StringComparison.Ordinal);
    }

    /// <summary>
    /// The other problems extend ProblemDetails (<c>allOf</c> its reference and their own members), so that one catch
    /// logs every problem's code and traceId: Kiota's HttpValidationProblemDetails did not derive from ProblemDetails.
    /// NSwag, Kiota and orval (with the README's transformer, under tsc --strict) all make a derived type of it.
    /// </summary>
    [Fact]
    public async Task Every_other_problem_schema_extends_ProblemDetails_with_its_own_members_only()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var baseMembers = schemas["ProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("traceId", baseMembers);
        var derived = schemas.Where(s => s.Key.EndsWith("ProblemDetails", StringComparison.Ordinal) && s.Key != "ProblemDetails").ToList();
        Assert.Equal(4, derived.Count);
        foreach (var (name, schema) in derived)
        {
            var allOf = schema!["allOf"]?.AsArray();
            Assert.True(allOf is { Count: 2 }, $"{name} does not extend ProblemDetails by allOf");
            Assert.Equal("#/components/schemas/ProblemDetails", allOf[0]!["$ref"]?.GetValue<string>());
            var own = allOf[1]!["properties"]!.AsObject().Select(p => p.Key).ToList();
            Assert.NotEmpty(own);
            Assert.Empty(own.Intersect(baseMembers));
            Assert.True(schema["properties"] is null, $"{name} repeats members beside its allOf");
        }
    }

    /// <summary>
    /// NSwag makes a response's description its ApiException's Message, so "Precondition Failed" told a log nothing:
    /// each problem response says what its codes mean.
    /// </summary>
    [Fact]
    public async Task Every_problem_response_describes_the_codes_of_its_status()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                {
                    var description = response!["description"]!.GetValue<string>();
                    var where = $"{method.ToUpperInvariant()} {path} {status}";
                    Assert.NotEqual(ReasonPhrases.GetReasonPhrase(int.Parse(status, CultureInfo.InvariantCulture)), description);
                    var codes = ProblemCodes.Meanings.Where(m => m.Status.ToString(CultureInfo.InvariantCulture) == status).ToList();
                    Assert.True(codes.Count > 0, $"{where}: no code has this status");
                    Assert.All(codes, c => Assert.Contains($"`{c.Code}`", description, StringComparison.Ordinal));
                }
            }
        }
    }
}
