using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Http.Json;

/// <summary>
/// Enums as their camelCase names, read by name in any case: NSwag's System.Text.Json clients write the C# member name
/// (<c>"Published"</c>). Anything else (a number, <c>"draft, published"</c>, which <see cref="JsonStringEnumConverter"/>
/// reads as flags, spaces) fails with an <see cref="InvalidJsonValueException"/> naming the values there are.
/// </summary>
public sealed class EnumValuesConverter : JsonConverterFactory
{
    /// <summary>The values of <paramref name="enumType"/> as JSON writes them.</summary>
    public static IReadOnlyList<string> ValuesOf(Type enumType) => [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName)];

    /// <summary>What a value of <paramref name="enumType"/> that is none of them is told.</summary>
    public static string MustBeOneOf(Type enumType) => $"Must be one of: {string.Join(", ", ValuesOf(enumType))}.";

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byName = Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<T, JsonEncodedText> _names = Enum.GetValues<T>().ToDictionary(v => v, v => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
        private readonly string _problem = MustBeOneOf(typeof(T));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && _byName.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new InvalidJsonValueException(_problem);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_names[value]);
    }
}
