using System.Globalization;
using System.Reflection;
using ContentApi.Http.Errors;

namespace ContentApi.Http.Binding;

/// <summary>
/// Answers a query value that cannot bind to its parameter's type (<c>limit=abc</c>, <c>page=1&amp;page=2</c>,
/// <c>publishedAfter=01/02/2025</c>) with a 400 naming the parameter, before the endpoint binds it. The generated
/// binding (the Request Delegate Generator) answers these with a bare 400 and no word of which parameter failed.
/// </summary>
public sealed class QueryValueCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TypedQueryParameters>() is { } parameters
            && Errors(context.Request.Query, parameters.All) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors).ExecuteAsync(context);
        }
        return next(context);
    }

    private static Dictionary<string, string[]> Errors(IQueryCollection query, IReadOnlyList<TypedQueryParameter> parameters)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var parameter in parameters)
        {
            if (!query.TryGetValue(parameter.Name, out var values))
            {
                continue;
            }
            if (values.Count > 1)
            {
                errors[parameter.Name] = [UnknownQueryParameterFilter.RepeatedMessage];
            }
            else if (parameter.Refusal(values[0] ?? "") is { } refusal)
            {
                errors[parameter.Name] = [refusal];
            }
        }
        return errors;
    }

    /// <summary>Adds <see cref="TypedQueryParameters"/> to each endpoint, from its handler's parameters.</summary>
    public static void Describe(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return;
        }
        var typed = BoundQueryParameters.OfHandler(handler).Select(p => TypedQueryParameter.For(p.Name, p.Type)).OfType<TypedQueryParameter>().ToList();
        if (typed.Count > 0)
        {
            endpoint.Metadata.Add(new TypedQueryParameters(typed));
        }
    }

    public sealed record TypedQueryParameters(IReadOnlyList<TypedQueryParameter> All);

    /// <summary>A query parameter whose value must parse; <see cref="Refusal"/> says why a value does not (null when it does).</summary>
    public sealed record TypedQueryParameter(string Name, Func<string, string?> Refusal)
    {
        public static TypedQueryParameter? For(string name, Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => new(name, v => IntegerRefusal(v, int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null)),
            var t when t == typeof(long) => new(name, v => IntegerRefusal(v, long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null)),
            var t when t == typeof(QueryInstant) => new(name, v => QueryInstant.TryParse(v, out _) ? null : "Must be an RFC 3339 date-time."),
            _ => null,
        };

        // The binder also reads " 2", "+2", "02" and "2\0" as 2; a number here is written one way, as an id in the path
        // is, so that a page has one URL for caches and links.
        private static string? IntegerRefusal(string value, string? canonical) =>
            canonical is null ? "Must be an integer."
            : canonical != value ? $"Must be an integer, written {canonical}: digits only, with no plus sign, spaces or leading zeros."
            : null;
    }
}
