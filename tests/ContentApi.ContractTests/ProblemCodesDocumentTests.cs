using System.Reflection;
using System.Text.Json.Nodes;
using ContentApi.Http.Errors;
using ContentApi.TestSupport;

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

    [Fact]
    public async Task Every_problem_schema_requires_a_code_whose_enum_holds_every_code_the_server_sends()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var problems = schemas.Where(s => s.Key.EndsWith("ProblemDetails", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(problems);
        foreach (var (name, schema) in problems)
        {
            Assert.Contains("code", schema!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
            var code = schema["properties"]!["code"];
            Assert.True(code is not null, $"{name} does not declare code");
            Assert.Equal("string", code["type"]!.GetValue<string>());
            Assert.Equal(ServerCodes.Order(), code["enum"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
            var description = code["description"]!.GetValue<string>();
            Assert.All(ServerCodes, c => Assert.Contains($"`{c}`", description, StringComparison.Ordinal));
        }
    }
}
