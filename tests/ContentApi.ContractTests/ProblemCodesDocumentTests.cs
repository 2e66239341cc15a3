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
    public async Task Every_problem_schema_requires_a_code_referring_to_one_extensible_ProblemCode_listing_every_code()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var problems = schemas.Where(s => s.Key.EndsWith("ProblemDetails", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(problems);
        foreach (var (name, schema) in problems)
        {
            Assert.Contains("code", schema!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
            var code = schema["properties"]!["code"];
            Assert.True(code is not null, $"{name} does not declare code");
            Assert.Equal("#/components/schemas/ProblemCode", code["$ref"]?.GetValue<string>());
        }
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
                    Assert.NotEqual(ReasonPhrases.GetReasonPhrase(int.Parse(status)), description);
                    var codes = ProblemCodes.Meanings.Where(m => m.Status.ToString() == status).ToList();
                    Assert.True(codes.Count > 0, $"{where}: no code has this status");
                    Assert.All(codes, c => Assert.Contains($"`{c.Code}`", description, StringComparison.Ordinal));
                }
            }
        }
    }
}
