using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Http.Json;

public static class JsonSetup
{
    /// <summary>
    /// Strict on input (unknown, miscased or duplicate properties, deep nesting and lone surrogates are errors),
    /// camelCase with string enums on output. Non-ASCII text is written as-is, not \u-escaped, so Chinese (and
    /// emoji, and rare ideographs beyond the BMP) stays readable and small (see <see cref="ContentJsonEncoder"/>).
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Dictionary keys are data, written as they are: a problem's errors name the members as the request spelled them.
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Names as documented, exactly: the web defaults' case-insensitive matching let {"NAME":"x"} through, and
        // {"Title":"x"} change the title by merge patch, although neither is a property of the API.
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 32;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = ContentJsonEncoder.Instance;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new EnumValuesConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new FiniteDoubleConverter());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Whether two values write the same JSON (a request that restates what is stored changes nothing).</summary>
    public static bool SameJson<T>(T before, T after) =>
        JsonSerializer.SerializeToUtf8Bytes(before, Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(after, Options));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        // With its resolver from the start: GetTypeInfo (a merge patch's members, its errors' paths) needs one, which
        // the options otherwise get only at their first serialization.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
