using System.Globalization;
using System.Text;
using ContentApi.Http.Errors;

namespace ContentApi.Observability;

/// <summary>
/// The values a request's route took (<c>id=301</c>, <c>slug=deepseek-v3</c>) for its log line, where the route template
/// stays the one name of the route: "-" when it has none. Values come from the path, which the caller writes, so control
/// and format characters are escaped (a line break would forge a log line; a right-to-left override would show the rest
/// of it reversed) and each is cut as errors echo input.
/// </summary>
internal static class LoggedRouteValues
{
    public static string Of(HttpContext context)
    {
        var values = context.Request.RouteValues;
        if (values.Count == 0)
        {
            return "-";
        }
        return string.Join(" ", values.Select(v => $"{v.Key}={Escaped(Echoed.Cut(Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))}"));
    }

    private static string Escaped(string value)
    {
        if (!value.Any(IsEscaped))
        {
            return value;
        }
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(IsEscaped(c) ? $"\\u{(int)c:x4}" : c);
        }
        return escaped.ToString();
    }

    private static bool IsEscaped(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
