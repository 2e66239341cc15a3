using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContentApi.Http.Errors;

/// <summary>
/// What a field takes, for a 400 that says what to send: "the wrong JSON type" told a client sending a width of
/// 2147483648 nothing. System.Text.Json names the type it could not convert to, the field's own ("System.Int64") or,
/// for a record's constructor parameter, the record's, whose member the path's last name is.
/// </summary>
internal static partial class ExpectedJsonValue
{
    public static string? Describe(string message)
    {
        if (Conversion().Match(message) is not { Success: true } match || FindType(match.Groups["type"].Value) is not { } converted)
        {
            return null;
        }
        var last = match.Groups["last"].Value;
        var type = converted.Namespace?.StartsWith("ContentApi", StringComparison.Ordinal) == true && MemberType(converted, last) is { } member
            ? (match.Groups["index"].Success ? ElementType(member) ?? member : member)
            : converted;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return IsNumber(type) && SentToken().Match(message) is { Success: true } sent && SentInstead(sent.Groups["token"].Value) is { } instead
            ? $"Must be a JSON number, not {instead}."
            : Of(type);
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    /// <summary>What was sent where a number belongs, as System.Text.Json's reader names its token ("10" is a string).</summary>
    private static string? SentInstead(string token) => token switch
    {
        "String" => "a string",
        "True" or "False" => "true or false",
        _ => null,
    };

    private static string? Of(Type type) => type switch
    {
        // Not the type's range: the field's own is narrower (a width is 1-100000), and the document states it.
        _ when type == typeof(int) || type == typeof(long) => "Must be an integer within the field's range.",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "Must be a number.",
        _ when type == typeof(bool) => "Must be true or false.",
        _ when type == typeof(string) => "Must be a string.",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "Must be an RFC 3339 date-time string.",
        _ when ElementType(type) is not null => "Must be an array.",
        _ when type.IsClass && type.Namespace?.StartsWith("ContentApi", StringComparison.Ordinal) == true => "Must be an object.",
        _ => null,
    };

    private static Type? FindType(string name) =>
        Type.GetType(name) ?? typeof(ExpectedJsonValue).Assembly.GetType(name);

    private static Type? MemberType(Type owner, string jsonName) => owner
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .FirstOrDefault(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name) == jsonName)?.PropertyType;

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"token type '(?<token>[A-Za-z]+)' as a number")]
    private static partial Regex SentToken();

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\. Path: \$(?:\.[^.\s|]+)*?(?:\.(?<last>[^.\[\s|]+))?(?<index>\[\d+\])?\s*\|")]
    private static partial Regex Conversion();
}
