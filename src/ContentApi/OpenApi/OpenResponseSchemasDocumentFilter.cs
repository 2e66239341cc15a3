using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Only schemas a request body reaches are closed (<c>additionalProperties: false</c>: the server refuses a member it
/// does not know). The serializer's unknown-member rule closed response schemas too, so strict response validators
/// (ajv middleware, Prism, zod's <c>.strict()</c>) would refuse every response once a later release adds a member.
/// </summary>
public sealed class OpenResponseSchemasDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (swaggerDoc.Components?.Schemas is not { } schemas)
        {
            return;
        }
        var requestBodies = (swaggerDoc.Paths ?? []).Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(media => media.Schema);
        var reachedByRequests = Reached(requestBodies, schemas);
        foreach (var (name, schema) in schemas)
        {
            if (!reachedByRequests.Contains(name) && schema is OpenApiSchema { AdditionalPropertiesAllowed: false } closed)
            {
                closed.AdditionalPropertiesAllowed = true;
                closed.AdditionalProperties = null;
            }
        }
    }

    /// <summary>The names of the component schemas <paramref name="roots"/> refer to, at any depth.</summary>
    private static HashSet<string> Reached(IEnumerable<IOpenApiSchema?> roots, IDictionary<string, IOpenApiSchema> schemas)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && reached.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }
                continue;
            }
            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }
        return reached;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        new[] { schema.Items, schema.AdditionalProperties, schema.Not }
            .Concat(schema.Properties?.Values ?? [])
            .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
            .OfType<IOpenApiSchema>();
}
