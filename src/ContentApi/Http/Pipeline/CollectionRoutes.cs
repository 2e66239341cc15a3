using Microsoft.AspNetCore.Routing.Patterns;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// A collection's route, mapped as "/" in its group, is named without the trailing slash the group leaves it
/// ("/api/v1/tags", not "/api/v1/tags/", a URL that is a 404): metrics and request logs label requests by it.
/// </summary>
internal static class CollectionRoutes
{
    public static void WithoutTrailingSlash(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern: { RawText: { Length: > 1 } raw, Parameters.Count: 0 } } route && raw.EndsWith('/'))
        {
            route.RoutePattern = RoutePatternFactory.Parse(raw.TrimEnd('/'));
        }
    }
}
