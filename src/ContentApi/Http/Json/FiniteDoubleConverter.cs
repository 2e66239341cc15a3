using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Http.Json;

/// <summary>
/// Numbers beyond a double's range (<c>1e400</c>) are refused as they are read: System.Text.Json reads them as
/// infinity, which no JSON can hold, so writing such a value back (a merge patch compared with its resource, a
/// response) would fail.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDouble();
        return double.IsFinite(value) ? value : throw new InvalidJsonValueException("Must be a number within the range of a double.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
