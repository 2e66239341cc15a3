using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Http.Caching;

/// <summary>
/// A version of one resource, as its ETags name it: <c>"7.a1b2c3-hash"</c>, the version and a short check of the resource's
/// kind, id and version, so that a write's If-Match names this resource's version and not only a version number (every
/// resource starts at 1: another resource's ETag, or a made-up one, named the same version).
/// </summary>
/// <param name="Kind">The collection the resource is in, as its URL names it: <c>articles</c>, <c>authors</c>, <c>tags</c>, <c>images</c>.</param>
public sealed record ResourceVersion(string Kind, long Id, long Version)
{
    public string Check { get; } = CheckOf(Kind, Id, Version);

    /// <summary>The resource of the write <paramref name="request"/> makes, by its route (<c>/api/v1/tags/{id}</c>), at <paramref name="version"/>.</summary>
    public static ResourceVersion? OfRoute(HttpRequest request, long version) =>
        request.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && pattern.EndsWith("/{id}", StringComparison.Ordinal)
        && long.TryParse(request.RouteValues["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ResourceVersion(pattern[..^"/{id}".Length].Split('/')[^1], id, version)
            : null;

    private static string CheckOf(string kind, long id, long version)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}/{id}/{version}")), digest);
        return Convert.ToHexStringLower(digest[..3]); // hex: no '-', which ends the version part of a tag
    }
}
