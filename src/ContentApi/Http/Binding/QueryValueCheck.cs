using System.Numerics;
using System.Reflection;
using ContentApi.Http.Errors;

namespace ContentApi.Http.Binding;

/// <summary>
/// Answers a query value that cannot bind to its parameter's type (<c>limit=abc</c>, <c>page=1&amp;page=2</c>,
/// <c>publishedAfter=01/02/2025</c>) with a 400 naming the parameter, before the endpoint binds it. The generated
/// binding (the Request Delegate Generator) answers these with a bare 400 and no word of which parameter failed. They
/// are answered by <see cref="UnknownQueryParameterFilter"/> (on every endpoint this describes), with the query's other
/// errors: the parameters are left out of the query, so that the rest binds and is judged.
/// </summary>
public sealed class QueryValueCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TypedQueryParameters>() is { } parameters)
        {
            if (Errors(context.Request.Query, parameters.All) is { Count: > 0 } errors)
            {
                // Left out, so that the endpoint binds the rest: its filter answers these with the query's other errors.
                context.Features.Set(new RefusedValues(errors));
                // The query's names are matched in any case here (page=1&PAGE=2 is page twice), so they are left out so.
                context.Request.QueryString = QueryString.Create(context.Request.Query.Where(p => !errors.Keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)));
            }
            SaturateTooLargeIntegers(context.Request, parameters.All);
        }
        return next(context);
    }

    /// <summary>
    /// An integer too large for its parameter's type (<c>limit=2147483648</c>) is bound as the largest the type holds
    /// (the smallest, for one too small), so that the parameter's validator refuses it stating the range it takes:
    /// "Must be an integer." said it was not one. Every integer parameter has a validator that bounds it (limit, page).
    /// </summary>
    private static void SaturateTooLargeIntegers(HttpRequest request, IReadOnlyList<TypedQueryParameter> parameters)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? saturated = null;
        foreach (var parameter in parameters)
        {
            if (parameter.Saturated is { } saturate && request.Query.TryGetValue(parameter.Name, out var values) && saturate(values[0] ?? "") is { } bound)
            {
                saturated ??= request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                saturated[parameter.Name] = bound;
            }
        }
        if (saturated is not null)
        {
            request.QueryString = QueryString.Create(saturated);
        }
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

    /// <summary>The errors of values that cannot bind, by parameter, for the endpoint's filter to answer.</summary>
    public sealed record RefusedValues(Dictionary<string, string[]> Errors);

    public sealed record TypedQueryParameters(IReadOnlyList<TypedQueryParameter> All);

    /// <summary>
    /// A query parameter whose value must parse; <see cref="Refusal"/> says why a value does not (null when it does),
    /// <see cref="Saturated"/> what to bind instead of an integer past its type's range (null when it is within).
    /// </summary>
    public sealed record TypedQueryParameter(string Name, Func<string, string?> Refusal, Func<string, string?>? Saturated = null)
    {
        public static TypedQueryParameter? For(string name, Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => new(name, IntegerRefusal, v => Saturate(v, int.MinValue, int.MaxValue)),
            var t when t == typeof(long) => new(name, IntegerRefusal, v => Saturate(v, long.MinValue, long.MaxValue)),
            var t when t == typeof(QueryInstant) => new(name, QueryInstant.Refusal),
            _ => null,
        };

        // The binder also reads " 2", "+2", "02" and "2\0" as 2; a number here is written one way, as an id in the path
        // is, so that a page has one URL for caches and links.
        private static string? IntegerRefusal(string value) =>
            WrittenInteger.Read(value) is not { } n ? "Must be an integer."
            : WrittenInteger.Canonical(n) != value ? $"Must be an integer, written {WrittenInteger.Canonical(n)}: {WrittenInteger.OneWay}"
            : null;

        private static string? Saturate(string value, BigInteger min, BigInteger max) =>
            WrittenInteger.Read(value) is { } n && WrittenInteger.Canonical(n) == value && (n < min || n > max)
                ? WrittenInteger.Canonical(n < min ? min : max)
                : null;
    }
}
