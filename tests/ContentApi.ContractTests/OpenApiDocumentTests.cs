using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.ContractTests;

/// <summary>The served OpenAPI document is the committed contract: any drift fails here.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public const string RefreshCommand = "UPDATE_OPENAPI=1 dotnet test tests/ContentApi.ContractTests --filter OpenApiDocumentTests";

    [Fact]
    public async Task ServedDocument_equals_committed_openapi_v1_json()
    {
        var served = await factory.Anonymous().GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(RepositoryRoot(), "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, JsonNode.Parse(served)!.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }
        Assert.True(File.Exists(path), $"openapi/v1.json is missing. Create it with: {RefreshCommand}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(committed, JsonNode.Parse(served)),
            $"The served OpenAPI document differs from openapi/v1.json. If the change is intended (it breaks generated clients), refresh it with: {RefreshCommand}");
    }

    [Fact]
    public async Task Document_is_pinned_to_OpenAPI_3_0()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        Assert.StartsWith("3.0.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_has_operationId_summary_tag_and_a_4xx_response()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var operationIds = new HashSet<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                var id = operation!["operationId"]?.GetValue<string>();
                Assert.False(string.IsNullOrEmpty(id), $"{where} has no operationId");
                Assert.True(operationIds.Add(id!), $"operationId {id} is used twice");
                Assert.False(string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
                var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
                Assert.Contains(statuses, s => s.StartsWith('2'));
                Assert.Contains(statuses, s => s.StartsWith('4'));
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    Assert.False(string.IsNullOrEmpty(parameter!["description"]?.GetValue<string>()), $"{where} parameter {parameter["name"]} has no description");
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContentApi.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ContentApi.sln not found above the test binaries.");
    }
}
