using ContentApi.Http.Errors;
using ContentApi.Text;

namespace ContentApi.Observability;

/// <summary>
/// The values a request's route took (<c>id=301</c>, <c>slug=deepseek-v3</c>) for its log line, where the route template
/// stays the one name of the route: "-" when it has none. Values come from the path, which the caller writes, so each is
/// escaped as <see cref="ControlEscapes"/> writes it (a line break would forge a log line; a right-to-left override would
/// show the rest of it reversed) and cut as errors echo input.
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
        return string.Join(" ", values.Select(v => $"{v.Key}={ControlEscapes.Escaped(Echoed.Cut(Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))}"));
    }
}
