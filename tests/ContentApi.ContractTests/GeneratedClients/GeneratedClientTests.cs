using System.Reflection;
using ContentApi.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace ContentApi.ContractTests.GeneratedClients;

/// <summary>
/// The committed document makes a C# client (NSwag, as the README's "Generated clients" tells) that compiles and does
/// against the app what the README says it does: create, read by id and CJK slug, list, search, PATCH with If-Match,
/// the 412 and 400 problems, clearing the cover with PUT, delete.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>What the README tells a System.Text.Json client to add, so that an unset member is not sent as null ("remove").</summary>
    private const string WithoutNulls = """
        namespace MyApp.Content;
        public partial class ContentClient
        {
            static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
                settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        }
        """;

    [Theory]
    [InlineData(CSharpJsonLibrary.NewtonsoftJson)]
    [InlineData(CSharpJsonLibrary.SystemTextJson)]
    public async Task An_nswag_client_generated_from_the_document_compiles_and_works_against_the_app(CSharpJsonLibrary jsonLibrary)
    {
        var document = await OpenApiDocument.FromFileAsync(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "v1.json"));
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ContentClient",
            GenerateOptionalParameters = true,
            CSharpGeneratorSettings = { Namespace = "MyApp.Content", JsonLibrary = jsonLibrary, GenerateOptionalPropertiesAsNullable = true },
        };
        string[] sources =
        [
            new CSharpClientGenerator(document, settings).GenerateFile(),
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "GeneratedClients", "NSwagClientFlow.cs")),
            .. jsonLibrary == CSharpJsonLibrary.SystemTextJson ? [WithoutNulls] : Array.Empty<string>(),
        ];

        var flow = Compile(sources).GetType("MyApp.Content.NSwagClientFlow", throwOnError: true)!.GetMethod("RunAsync")!;
        await (Task)flow.Invoke(null, [factory.Writer(), factory.Anonymous(), jsonLibrary.ToString().ToLowerInvariant()])!;
    }

    /// <summary>The assemblies this test runs with: the runtime's, and Newtonsoft.Json, which NSwag's default client uses.</summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))]);

    private static Assembly Compile(string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratedContentClient", sources.Select(source => CSharpSyntaxTree.ParseText(source)), References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
        Assert.True(emitted.Success, "The generated client does not compile:\n" + string.Join("\n", errors));
        return Assembly.Load(image.ToArray());
    }
}
