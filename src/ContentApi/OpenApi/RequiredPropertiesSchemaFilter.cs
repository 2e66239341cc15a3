using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Request bodies (types named <c>*Request</c>): a property is required exactly when its C# type is non-nullable and it
/// has no default, and nullable exactly when it is nullable. Responses carry every property, null or not, so all of them are required
/// there, except those written only when not null (which are then not nullable either) and those marked
/// <see cref="OmittedUnlessAttribute"/>. Generated clients then tell "absent" from "null". (<c>fields</c> still returns only the properties it names.)
/// </summary>
public sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    /// <summary>A record's constructor parameter with a default (such as an article's status, draft) may be left out.</summary>
    private static bool HasDefault(Type type, PropertyInfo property) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.Name == property.Name && p.HasDefaultValue);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.Namespace?.StartsWith("ContentApi", StringComparison.Ordinal) != true)
        {
            return;
        }
        concrete.Required ??= new HashSet<string>();
        var isRequest = context.Type.Name.EndsWith("Request", StringComparison.Ordinal);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.ContainsKey(name))
            {
                continue;
            }
            // A response member written only when it has a value is left out rather than null: not nullable, so that
            // generated clients ask only whether it is there (bodyHtml?: string, not string | null).
            var writtenOnlyWithValue = !isRequest && property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.WhenWritingNull };
            var nullable = PropertyNullability.IsNullable(property) && !writtenOnlyWithValue;
            if (writtenOnlyWithValue && concrete.Properties[name] is OpenApiSchema { Type: { } type } neverNull)
            {
                neverNull.Type = type & ~JsonSchemaType.Null;
            }
            if (nullable && concrete.Properties[name] is OpenApiSchemaReference reference)
            {
                concrete.Properties[name] = NullableReference.Of(reference, isRequest ? reference.Description : null);
            }
            var omitted = property.GetCustomAttribute<OmittedUnlessAttribute>();
            if (omitted is not null && concrete.Properties[name] is OpenApiSchema described)
            {
                described.Description = omitted.When;
            }
            var alwaysWritten = property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: not JsonIgnoreCondition.Never };
            if (isRequest ? !nullable && !HasDefault(context.Type, property) : alwaysWritten && omitted is null)
            {
                concrete.Required.Add(name);
            }
            else
            {
                concrete.Required.Remove(name);
            }
        }
    }
}
