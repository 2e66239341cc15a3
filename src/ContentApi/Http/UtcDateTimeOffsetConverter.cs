using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ContentApi.Http;

/// <summary>
/// Writes instants as RFC 3339 UTC with a "Z" (what API.md promises); reads any RFC 3339 date-time, which has a time
/// and an offset: a date alone or a time without an offset is refused rather than guessed to be UTC.
/// </summary>
public sealed partial class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string Problem = "Must be an RFC 3339 date-time with an offset, such as 2025-06-01T08:00:00Z, between the years 1 and 9999 in UTC.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // the wrong JSON type, reported as such
        }
        var text = reader.GetString()!;
        if (!Rfc3339().IsMatch(text) || !DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new InvalidJsonValueException(Problem);
        }
        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
