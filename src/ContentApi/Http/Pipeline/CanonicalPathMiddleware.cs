using ContentApi.Http.Binding;
using ContentApi.Http.Errors;
using ContentApi.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// A resource has one URL: <c>/api/v1/articles/54/</c> and <c>/API/v1/Articles/54</c> (routing matches both) were
/// other names for article 54, read, replaced and deleted there, and kept apart from it by every cache (and by a CDN
/// purge of the one URL). A path under <c>/api/</c> ending in a slash or holding a capital letter is a 404 that names
/// the URL it meant; the API's paths are lowercase, slugs included. So is one written with a <c>.</c> or <c>..</c>
/// segment (<c>/api/v1/articles/%2e%2e/authors</c>), which Kestrel resolves before routing, or with a letter, digit or
/// <c>-._~</c> escaped (<c>/api/v1/tags/%31</c>), which it decodes, or with an escape in lowercase hex
/// (<c>/api/v1/tags/slug/%e4%ba%ba</c> for <c>%E4%BA%BA</c>: RFC 3986 §2.1). The OpenAPI document, cached publicly as the
/// content is, has one URL by the same rules: <c>/openapi/v1.json</c>.
/// </summary>
public sealed class CanonicalPathMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var path = context.Request.Path;
        var sent = PathAsSent(context.Features.Get<IHttpRequestFeature>()?.RawTarget);
        // The request line decides too: /api/%2e%2e/openapi/v1.json resolves out of /api.
        if (path.Value is not { Length: > 1 } text || !(HasOneUrl(path) || HasOneUrl(sent)))
        {
            await next(context);
            return;
        }
        if (HasDotSegment(sent) && text.EndsWith('/'))
        {
            // Resolved to a path ending in a slash (/api/v1/tags/slug/..): no URL it names is one the caller meant.
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, "No resource has this URL: the API's URLs have no '.' or '..' segments.");
        }
        else if (text.EndsWith('/'))
        {
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, $"No resource has this URL: the API's URLs do not end in a slash ({text.TrimEnd('/')}).");
        }
        else if (MalformedEscapes.In(sent) && !HasDotSegment(sent))
        {
            // A '%' beginning no escape: no spelling of the path can be named, and the route parameter it is in is a 400
            // that says why (RouteSlugUtf8Check, RouteIdCheck); a '.' segment or a trailing slash beside it is still the 404.
            await next(context);
        }
        else if (LowercaseOutsideEscapes(text) is var lowercase && lowercase != text)
        {
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, $"No resource has this URL: the API's paths are lowercase ({LowercaseUrl(text, lowercase)}).");
        }
        else if (HasDotSegment(sent))
        {
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, $"No resource has this URL: the API's URLs have no '.' or '..' segments ({text}).");
        }
        else if (EscapesUnreserved(sent))
        {
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, $"No resource has this URL: letters, digits and -._~ are written unescaped ({text}).");
        }
        else if (UppercaseEscapes(sent) is { } uppercase)
        {
            await problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemCodes.NoSuchPath, $"No resource has this URL: escapes are written in uppercase hex ({uppercase}).");
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>
    /// The URL a path in capitals meant: its slug, when it names one, in the spelling lookups and the slug filters read
    /// (<see cref="SlugCase.LowercaseOf"/>), so full-width <c>/tags/slug/ＡＩ</c> names <c>/tags/slug/ai</c> as
    /// <c>?tag=ＡＩ</c> names <c>ai</c>, not the full-width lowercase <c>ａｉ</c>.
    /// </summary>
    private static string LowercaseUrl(string path, string lowercase)
    {
        var lowered = SlugCase.Lowered(path, lowercase);
        var slugStart = lowered.LastIndexOf('/') + 1;
        return SlugPaths.Any(prefix => slugStart == prefix.Length && lowered.StartsWith(prefix, StringComparison.Ordinal))
            && SlugCase.LowercaseOf(path[slugStart..]) is { } slug
                ? lowered[..slugStart] + slug
                : lowered;
    }

    private static readonly string[] SlugPaths = ["/api/v1/articles/slug/", "/api/v1/authors/slug/", "/api/v1/tags/slug/"];

    /// <summary>
    /// Whether the path is under <c>/api</c> or <c>/openapi</c>, in any case: the API's resources and its OpenAPI
    /// document, which is cached publicly as they are (and which Swashbuckle, past <see cref="OpenApi.OpenApiDocumentCaching"/>,
    /// wrote anew for <c>/openapi/v1.json/</c>, without its ETag).
    /// </summary>
    private static bool HasOneUrl(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static bool HasOneUrl(ReadOnlySpan<char> sent) =>
        sent.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || sent.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of the request line as sent, before the query.</summary>
    public static ReadOnlySpan<char> PathAsSent(string? rawTarget) =>
        rawTarget is null ? [] : rawTarget.AsSpan(0, rawTarget.IndexOf('?', StringComparison.Ordinal) is >= 0 and var query ? query : rawTarget.Length);

    /// <summary>Whether the path as sent has a <c>.</c> or <c>..</c> segment, plain or escaped.</summary>
    private static bool HasDotSegment(ReadOnlySpan<char> sent)
    {
        if (!sent.Contains("/.", StringComparison.Ordinal) && !sent.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return false; // every ordinary request
        }
        foreach (var range in sent.Split('/'))
        {
            var segment = sent[range];
            var dots = 0;
            while (!segment.IsEmpty && dots <= 2)
            {
                var length = segment[0] == '.' ? 1 : segment.StartsWith("%2e", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
                if (length == 0)
                {
                    break;
                }
                dots++;
                segment = segment[length..];
            }
            if (segment.IsEmpty && dots is 1 or 2)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the path as sent escapes a character that needs none (RFC 3986 §2.3): <c>/tags/%31%31%32</c> was tag 112,
    /// read, changed and deleted there (found by a fuzzer).
    /// </summary>
    private static bool EscapesUnreserved(ReadOnlySpan<char> sent)
    {
        for (var i = 0; i + 2 < sent.Length; i++)
        {
            if (sent[i] == '%' && byte.TryParse(sent.Slice(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var escaped) &&
                (char)escaped is var c && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The path as sent with its escapes in uppercase hex (RFC 3986 §2.1, as browsers send them), or null when it is
    /// already so: <c>%e4%ba%ba</c> and <c>%E4%ba%BA</c> were each another URL for <c>%E4%BA%BA</c>, a copy a CDN purge
    /// of it missed. (Kestrel refuses raw non-ASCII bytes in the request line with a 400 before the API sees them.)
    /// </summary>
    private static string? UppercaseEscapes(ReadOnlySpan<char> sent)
    {
        char[]? uppercase = null;
        for (var i = 0; i + 2 < sent.Length; i++)
        {
            if (sent[i] == '%' && (sent[i + 1] is >= 'a' and <= 'f' || sent[i + 2] is >= 'a' and <= 'f'))
            {
                uppercase ??= sent.ToArray();
                (uppercase[i + 1], uppercase[i + 2]) = (char.ToUpperInvariant(sent[i + 1]), char.ToUpperInvariant(sent[i + 2]));
            }
        }
        return uppercase is null ? null : new string(uppercase);
    }

    /// <summary>
    /// The path in lowercase but for its percent-escapes, which Kestrel leaves in it for a slash (<c>%2F</c>), and whose
    /// hex digits may be written in either case (RFC 3986 §2.1), lowered as slugs are (<see cref="SlugCase.Lowercase"/>).
    /// </summary>
    private static string LowercaseOutsideEscapes(string path)
    {
        var lowercased = SlugCase.Lowercase(path);
        if (ReferenceEquals(lowercased, path) || !path.Contains('%', StringComparison.Ordinal))
        {
            return lowercased; // the same string, unallocated, for a lowercase path: every request asks this
        }
        var lowercase = lowercased.ToCharArray();
        for (var i = path.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < path.Length; i = path.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                (lowercase[i + 1], lowercase[i + 2]) = (path[i + 1], path[i + 2]);
            }
        }
        return new string(lowercase);
    }
}
