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
        var flow = (await CompileWithClientAsync("NSwagClientFlow.cs", jsonLibrary)).GetType("MyApp.Content.NSwagClientFlow", throwOnError: true)!.GetMethod("RunAsync")!;
        await (Task)flow.Invoke(null, [factory.Writer(), factory.Anonymous(), jsonLibrary.ToString().ToLowerInvariant()])!;
    }

    /// <summary>
    /// A code or highlight field a later release adds reaches a client generated today. With both as closed enums, NSwag
    /// threw an untyped ApiException ("Could not deserialize … Error converting value") for the whole problem, so no
    /// ApiException&lt;ProblemDetails&gt; handler ran, and a search page with one new highlight field failed as a whole.
    /// </summary>
    [Theory]
    [InlineData(CSharpJsonLibrary.NewtonsoftJson)]
    [InlineData(CSharpJsonLibrary.SystemTextJson)]
    public async Task An_nswag_client_reads_a_problem_code_and_a_highlight_field_it_does_not_know(CSharpJsonLibrary jsonLibrary)
    {
        var flow = (await CompileWithClientAsync("NSwagUnknownValuesFlow.cs", jsonLibrary)).GetType("MyApp.Content.NSwagUnknownValuesFlow", throwOnError: true)!.GetMethod("RunAsync")!;
        var rewritten = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new LaterReleaseValues());
        await (Task)flow.Invoke(null, [factory.Writer(), rewritten, "unknown" + jsonLibrary.ToString().ToLowerInvariant()])!;
    }

    private static async Task<Assembly> CompileWithClientAsync(string flowFile, CSharpJsonLibrary jsonLibrary)
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
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "GeneratedClients", flowFile)),
            .. jsonLibrary == CSharpJsonLibrary.SystemTextJson ? [WithoutNulls] : Array.Empty<string>(),
        ];
        return Compile(sources);
    }

    /// <summary>Answers as a later release might: a 404's code is one this release does not send, and so is a title highlight's field.</summary>
    private sealed class LaterReleaseValues : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var rewritten = body.Replace("\"code\":\"not_found\"", "\"code\":\"article_archived\"", StringComparison.Ordinal)
                .Replace("\"field\":\"title\"", "\"field\":\"comments\"", StringComparison.Ordinal);
            var content = new StringContent(rewritten, System.Text.Encoding.UTF8);
            content.Headers.ContentType = response.Content.Headers.ContentType;
            response.Content = content;
            return response;
        }
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
