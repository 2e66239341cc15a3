using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Caching;

/// <summary>
/// Strong ETags. A resource's ETag starts with its version and a check of which resource it is
/// (<see cref="ResourceVersion"/>: what a write's If-Match compares) and ends with a hash of the exact bytes sent, so it
/// also changes when an embedded author, tag or image changes. A content-coded
/// (br, gzip) representation has different bytes, so its ETag carries the coding too (RFC 9110 §8.8.3.3):
/// otherwise a cache holding both variants could serve gzip to an identity client after a 304.
/// </summary>
public static class ETags
{
    public static string ForResource(ResourceVersion resource, ReadOnlySpan<byte> body, string? contentCoding = null) =>
        $"\"{resource.Version}.{resource.Check}-{Hash(body)}{Suffix(contentCoding)}\"";

    public static string ForList(ReadOnlySpan<byte> body, string? contentCoding = null) => $"\"l-{Hash(body)}{Suffix(contentCoding)}\"";

    /// <summary>A document that is no resource of the API (the OpenAPI document): its bytes alone.</summary>
    public static string ForDocument(ReadOnlySpan<byte> body, string? contentCoding = null) => $"\"d-{Hash(body)}{Suffix(contentCoding)}\"";

    private static string Suffix(string? contentCoding) => string.IsNullOrEmpty(contentCoding) ? "" : "-" + contentCoding;

    /// <summary>Characters of <see cref="Hash"/>: 16 bytes in base64url without padding.</summary>
    private const int HashLength = 22;

    /// <summary>
    /// The tag of the same representation in another coding ("1-abc-br" → "1-abc" for identity): a stored response
    /// replayed is coded for the retry's Accept-Encoding, not the first request's. A tag of another form is returned as it is.
    /// </summary>
    public static string InCoding(string etag, string? contentCoding)
    {
        var hashStart = etag.IndexOf('-', StringComparison.Ordinal) + 1;
        return etag.StartsWith('"') && hashStart > 0 && etag.Length > hashStart + HashLength
            ? string.Concat(etag.AsSpan(0, hashStart + HashLength), Suffix(contentCoding), "\"")
            : etag;
    }

    private static string Hash(ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(body, digest);
        return Convert.ToBase64String(digest[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. A malformed header is ignored,
    /// read strictly: the lenient parser read "**" or "W/*" as "*", a 304 for a client that holds nothing.
    /// </summary>
    public static bool NoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !TryParseConditional(header, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>
    /// An If-Match or If-None-Match header as a list of tags, strictly: "*" stands alone (RFC 9110 §13.1.1 and
    /// §13.1.2: "*" or a list of entity tags, not both). False when it is malformed.
    /// </summary>
    public static bool TryParseConditional(StringValues header, out IList<EntityTagHeaderValue> tags) =>
        EntityTagHeaderValue.TryParseStrictList(header, out tags!) && tags.Count > 0 && (tags.Count == 1 || !tags.Any(IsAny))
        && !header.Any(HasLowercaseWeakPrefix) && tags.All(t => IsAny(t) || IsOpaqueTag(t.Tag.AsSpan()[1..^1]));

    /// <summary>
    /// etagc (RFC 9110 §8.8.3): visible ASCII but the double quote, or obs-text. ASP.NET's parser reads an entity tag
    /// as a quoted-string, so it also took <c>"a"b"</c> (an escaped quote) and control characters such as DEL.
    /// </summary>
    private static bool IsOpaqueTag(ReadOnlySpan<char> opaque)
    {
        foreach (var c in opaque)
        {
            if (c is not ('\x21' or (>= '\x23' and <= '\x7e') or (>= '\x80' and <= '\xff')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The weak prefix is "W/", case-sensitive (RFC 9110 §8.8.3); ASP.NET's parser also reads "w/".</summary>
    private static bool HasLowercaseWeakPrefix(string? value)
    {
        var quoted = false;
        foreach (var c in value ?? "")
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == 'w' && !quoted)
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsAny(EntityTagHeaderValue tag) => tag.Equals(EntityTagHeaderValue.Any);

    /// <summary>If-Match on a read compares strongly (RFC 9110 §13.1.1): "*", or the ETag itself, not weak.</summary>
    public static bool MatchesStrongly(IEnumerable<EntityTagHeaderValue> tags, string etag)
    {
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => IsAny(t) || t.Compare(current, useStrongComparison: true));
    }

    /// <summary>
    /// The version of the resource <paramref name="resource"/> names (its kind and id) that a strong tag names: one of
    /// its ETags ("7.a1b2c3-abc" → 7), or the bare version ("7", from a body's <c>version</c>); null for anything else: a
    /// weak tag, another resource's ETag, one made up, or one from before the check.
    /// </summary>
    public static long? VersionOf(EntityTagHeaderValue tag, Func<long, ResourceVersion?> resource) => tag.IsWeak ? null : VersionNamedBy(tag, resource);

    /// <summary>The version a tag names of the resource, weak or not (If-None-Match compares weakly).</summary>
    public static long? VersionNamedBy(EntityTagHeaderValue tag, Func<long, ResourceVersion?> resource)
    {
        var text = tag.Tag.AsSpan().Trim('"');
        var dash = text.IndexOf('-');
        var named = dash < 0 ? text : text[..dash];
        var dot = named.IndexOf('.');
        var number = dot < 0 ? named : named[..dot];
        if (number is ['0', _, ..] || !long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return null; // "01-..." is no tag this API issued: versions are written without leading zeros
        }
        if (dot < 0)
        {
            return dash < 0 ? version : null; // the bare version; "7-abc" is a tag of an earlier build, or of no build
        }
        return resource(version) is { } current && named[(dot + 1)..].SequenceEqual(current.Check) ? version : null;
    }
}
