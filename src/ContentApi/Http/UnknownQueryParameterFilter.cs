using System.Reflection;

namespace ContentApi.Http;

/// <summary>
/// Rejects query parameters an endpoint does not declare (400 listing the allowed ones), so a typo such
/// as <c>?autor=3</c> is never silently ignored, and parameters given more than once.
/// </summary>
public static class UnknownQueryParameterFilter
{
    public const string RepeatedMessage = "Give this parameter once; lists such as include take comma-separated values.";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var allowed = AllowedNames(context.MethodInfo);
        var allowedText = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Keys.Order(StringComparer.Ordinal));
        return async invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            var unknown = query.Keys.Where(k => !allowed.ContainsKey(k)).ToList();
            if (unknown.Count > 0)
            {
                return Problems.Validation(unknown.ToDictionary(k => k, _ => new[] { $"Unknown query parameter. Allowed: {allowedText}." }));
            }
            // ASP.NET joins repeats with commas (author=1&author=2 as "1,2"), which only lists mean.
            var repeated = query.Where(p => p.Value.Count > 1 && !allowed[p.Key].IsList).Select(p => p.Key).ToList();
            if (repeated.Count > 0)
            {
                return Problems.Validation(repeated.ToDictionary(k => k, _ => new[] { RepeatedMessage }));
            }
            var gapped = query.Where(p => allowed[p.Key].IsList && ListParameters.HasEmptyItem(p.Value)).Select(p => p.Key).ToList();
            if (gapped.Count > 0)
            {
                return Problems.Validation(gapped.ToDictionary(k => k, _ => new[] { ListParameters.EmptyItemMessage }));
            }
            // The binder reads " 2", "+2" and "2\0" as 2; an id in the path is digits only, and so is a number here.
            var loose = query.Where(p => allowed[p.Key].IsInteger && !p.Value.All(IsPlainInteger)).Select(p => p.Key).ToList();
            if (loose.Count > 0)
            {
                return Problems.Validation(loose.ToDictionary(k => k, _ => new[] { "Must be an integer, written in digits only." }));
            }
            return await next(invocation);
        };
    }

    private static bool IsPlainInteger(string? value) =>
        value is { Length: > 0 } && (value[0] == '-' ? value.Length > 1 && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 : value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);

    private readonly record struct QueryParameter(bool IsList, bool IsInteger);

    /// <summary>The query parameters the endpoint binds, by name: whether each takes several values (an array or a <see cref="ListParameters"/> list), and whether it is a whole number.</summary>
    private static Dictionary<string, QueryParameter> AllowedNames(MethodInfo method) =>
        BoundQueryParameters.OfHandler(method).ToDictionary(
            p => p.Name,
            p => new QueryParameter(
                p.Type.IsArray || ListParameters.Names.Contains(p.Name),
                (Nullable.GetUnderlyingType(p.Type) ?? p.Type) is var t && (t == typeof(int) || t == typeof(long))),
            StringComparer.OrdinalIgnoreCase);
}
