using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Http.Lists;

/// <summary>
/// An object written as JSON with only some of its top-level members, in its usual member order. Only the members
/// named are serialized: a search hit without its ~9 KB body no longer writes the body, parses it back and drops it.
/// </summary>
[JsonConverter(typeof(SparseObjectConverter))]
public sealed class SparseObject(object value, IReadOnlySet<string> names)
{
    public object Value { get; } = value;

    public IReadOnlySet<string> Names { get; } = names;
}

/// <summary>
/// Writes a <see cref="SparseObject"/> from its value's contract: each named member by its type, skipped where its own
/// <c>JsonIgnore</c> condition says so. Members with a converter or number handling of their own would be written
/// without them; no response type has one (a test checks that every member serializes as in the whole object).
/// </summary>
public sealed class SparseObjectConverter : JsonConverter<SparseObject>
{
    public override SparseObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Sparse objects are only written.");

    public override void Write(Utf8JsonWriter writer, SparseObject sparse, JsonSerializerOptions options)
    {
        var contract = options.GetTypeInfo(sparse.Value.GetType());
        writer.WriteStartObject();
        foreach (var member in contract.Properties)
        {
            if (!sparse.Names.Contains(member.Name) || member.Get is not { } get)
            {
                continue;
            }
            var value = get(sparse.Value);
            if (member.ShouldSerialize is { } shouldSerialize && !shouldSerialize(sparse.Value, value))
            {
                continue;
            }
            writer.WritePropertyName(member.Name);
            JsonSerializer.Serialize(writer, value, member.PropertyType, options);
        }
        writer.WriteEndObject();
    }
}
