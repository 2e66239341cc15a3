using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContentApi.Text;

namespace ContentApi.Http.Json;

/// <summary>
/// Writes instants as RFC 3339 UTC with a "Z" (what API.md promises); reads any RFC 3339 date-time as the document's
/// <c>format: date-time</c> has it (<see cref="Rfc3339.TryParseSchemaDateTime"/>): a date alone or a time without an
/// offset is refused rather than guessed to be UTC, and a space for the <c>T</c> is refused too.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Earliest and latest year of an instant a request may send (in UTC): no content predates 1900, and .NET ends with 9999.</summary>
    public const int FirstYear = 1900, LastYear = 9999;

    /// <summary>What a request's instant must be: said alike whether it cannot be read or falls outside the years.</summary>
    public static readonly string Problem =
        $"Must be an RFC 3339 date-time with a T between date and time and an offset, such as 2025-06-01T08:00:00Z, between the years {FirstYear} and {LastYear} in UTC.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // the wrong JSON type, reported as such
        }
        return Rfc3339.TryParseSchemaDateTime(reader.GetString()!, out var value) ? value.ToUniversalTime() : throw new InvalidJsonValueException(Problem);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
