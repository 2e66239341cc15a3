using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentApi.ContractTests;

/// <summary>
/// Checks a JSON value against a schema of the document as OpenAPI 3.0.3 reads it, as strict validators (ajv) do:
/// <c>$ref</c>, <c>allOf</c> (read as one schema with the members of all), <c>oneOf</c> (exactly one schema matches), <c>type</c>, <c>enum</c>, required properties, no others
/// unless <c>additionalProperties</c> admits them (absent, it does not: stricter than OpenAPI), and array items, at any depth. Null passes a <c>type</c> only beside
/// <c>nullable: true</c>, and an <c>enum</c> only if it lists null. Formats, lengths and patterns are the validators'
/// side and are not checked here.
/// </summary>
public static class SchemaConformance
{
    public static List<string> Violations(JsonNode document, JsonNode schema, JsonNode? value, string where)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.Split('/')[^1];
            return Violations(document, document["components"]!["schemas"]![name]!, value, $"{where} ({name})");
        }
        if (schema["allOf"] is JsonArray allOf)
        {
            var parts = allOf.Select(part => Resolved(document, part!)).ToList();
            return parts.Any(part => part["properties"] is not null)
                ? Violations(document, Merged(parts), value, where)
                : [.. parts.SelectMany(part => Violations(document, part, value, where))];
        }
        var violations = new List<string>();
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matching = oneOf.Count(branch => Violations(document, branch!, value, where).Count == 0);
            if (matching != 1)
            {
                violations.Add($"{where}: {Show(value)} matches {matching} of its {oneOf.Count} oneOf schemas");
            }
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            violations.Add($"{where}: {Show(value)} is none of its enum values");
        }
        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type, schema["nullable"]?.GetValue<bool>() == true))
        {
            violations.Add($"{where}: {Show(value)} is not of type {type}");
            return violations;
        }
        if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                violations.AddRange(Violations(document, items, array[i], $"{where}[{i}]"));
            }
        }
        if (value is JsonObject actual && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                var name = required!.GetValue<string>();
                if (!actual.ContainsKey(name))
                {
                    violations.Add($"{where}: required property {name} is missing");
                }
            }
            foreach (var (name, member) in actual)
            {
                if (properties[name] is { } propertySchema)
                {
                    violations.AddRange(Violations(document, propertySchema, member, $"{where}.{name}"));
                }
                // Stricter than a validator reading the document, where response schemas are open for later members:
                // whatever the server sends now must be documented.
                else if (schema["additionalProperties"] is null || schema["additionalProperties"]!.GetValueKind() == JsonValueKind.False)
                {
                    violations.Add($"{where}: property {name} is not in its schema");
                }
            }
        }
        return violations;
    }

    /// <summary>
    /// The object schemas of an <c>allOf</c> as one, so that a member one part declares is no undocumented member of
    /// another (each part alone has no <c>additionalProperties</c>, which this check reads as closed).
    /// </summary>
    private static JsonObject Merged(List<JsonNode> parts)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var resolved in parts)
        {
            foreach (var (name, member) in resolved["properties"]?.AsObject() ?? [])
            {
                properties[name] = member!.DeepClone();
            }
            foreach (var name in resolved["required"]?.AsArray() ?? [])
            {
                required.Add(name!.DeepClone());
            }
        }
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    private static JsonNode Resolved(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;

    private static bool HasType(JsonNode? value, string type, bool nullable) => value is null
        ? nullable
        : (type, value.GetValueKind()) switch
        {
            ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
            ("number", JsonValueKind.Number) => true,
            ("integer", JsonValueKind.Number) => value.GetValue<JsonElement>().TryGetInt64(out _),
            _ => false,
        };

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
