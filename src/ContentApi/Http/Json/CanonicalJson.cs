using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentApi.Http.Json;

/// <summary>
/// One spelling of a JSON document, so that two bodies meaning the same compare equal: members sorted by name, no
/// whitespace, strings escaped one way. Numbers keep the digits they were written with. Text that is not JSON (or that
/// JSON nodes refuse, such as a repeated member) stays as it is: the endpoint refuses it anyway.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Of(byte[] utf8)
    {
        try
        {
            // Nodes are built as they are read, so a repeated member or a lone surrogate throws while writing, not parsing.
            // The endpoints read past a byte-order mark, so a body with one means what it means without.
            var json = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
            var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, root);
            }
            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return utf8;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject members:
                writer.WriteStartObject();
                foreach (var (name, value) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
