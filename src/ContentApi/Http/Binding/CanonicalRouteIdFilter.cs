using System.Globalization;
using ContentApi.Http.Errors;

namespace ContentApi.Http.Binding;

/// <summary>
/// Rejects an <c>{id}</c> route value that binds to an integer but is not written the one way integers are
/// written (<c>+1</c>, <c>01</c>, <c>%201</c>): each resource has one URL, so caches and CDNs keep one copy of it
/// and a link never differs from the <c>Location</c> the API gave.
/// </summary>
public static class CanonicalRouteIdFilter
{
    private const string IdParameter = "id";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        if (!context.MethodInfo.GetParameters().Any(p => p.Name == IdParameter && p.ParameterType == typeof(long)))
        {
            return next;
        }
        return invocation =>
        {
            if (invocation.HttpContext.Request.RouteValues[IdParameter] is string written
                && long.TryParse(written, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                if (id < 1)
                {
                    return ValueTask.FromResult<object?>(Problems.Validation(IdParameter, "Must be 1 or more: ids start at 1."));
                }
                if (Canonical(id) is var canonical && canonical != written)
                {
                    return ValueTask.FromResult<object?>(Problems.Validation(IdParameter, $"Must be written {canonical}: digits only, with no plus sign, spaces or leading zeros."));
                }
            }
            return next(invocation);
        };
    }

    private static string Canonical(long id) => id.ToString(CultureInfo.InvariantCulture);
}
