using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContentApi.OpenApi;

/// <summary>
/// A string whose known values are listed in <c>x-extensible-enum</c> (Zalando's guideline) instead of <c>enum</c>, for
/// values a later release adds to. As a closed <c>enum</c>, a value added later made NSwag clients throw for the whole
/// response (a problem's detail and traceId lost, a search page with one new highlight field failed) and zod refuse it;
/// typed <c>string</c>, NSwag, Kiota and orval read any value, and the known ones stay machine-readable. Azure's
/// <c>x-ms-enum</c> with <c>modelAsString</c> needs <c>enum</c> beside it, which NSwag and zod read as closed.
/// </summary>
public static class ExtensibleEnum
{
    public const string Extension = "x-extensible-enum";

    private const string Note =
        " Open: the values known today are listed in `x-extensible-enum`, not `enum`, as a later release may add one; read a value you do not know as a plain string.";

    public static void Open(OpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return;
        }
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. values.Select(v => v?.DeepClone())]));
        schema.Enum = null;
        schema.Description += Note;
    }
}
