using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Http;

/// <summary>
/// Enums as strings (<see cref="JsonStringEnumConverter"/>), but a value that is none of them fails with an
/// <see cref="InvalidJsonValueException"/> that names the values there are.
/// </summary>
public sealed class EnumValuesConverter(JsonNamingPolicy naming) : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _strings = new(naming, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(Converter<>).MakeGenericType(typeToConvert),
            _strings.CreateConverter(typeToConvert, options),
            $"Must be one of: {string.Join(", ", Enum.GetNames(typeToConvert).Select(naming.ConvertName))}.")!;

    private sealed class Converter<T>(JsonConverter<T> strings, string problem) : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return strings.Read(ref reader, typeToConvert, options);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                throw new InvalidJsonValueException(problem);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => strings.Write(writer, value, options);
    }
}
