using System.ComponentModel.DataAnnotations;
namespace ContentApi.Http.Caching;

/// <summary>Cache-Control for responses. Bound from the "Caching" section.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>What a header value may hold: visible ASCII and spaces (Kestrel refuses to send anything else).</summary>
    private const string HeaderValue = @"^[\x20-\x7E]+$";

    private const string HeaderValueMessage = "{0} must be a Cache-Control value in visible ASCII, such as 'public, max-age=60'.";

    /// <summary>Sent on anonymous reads of published content (CDNs and browsers may share it).</summary>
    [Required, RegularExpression(HeaderValue, ErrorMessage = HeaderValueMessage)]
    public string PublicCacheControl { get; set; } = "public, max-age=60, stale-while-revalidate=300";

    /// <summary>Sent on anything a key unlocked: never stored by shared caches.</summary>
    [Required, RegularExpression(HeaderValue, ErrorMessage = HeaderValueMessage)]
    public string PrivateCacheControl { get; set; } = "private, no-cache";

    /// <summary>Keep anonymous GET responses in memory until the content changes.</summary>
    public bool ResponseCacheEnabled { get; set; } = true;

    /// <summary>Memory the response cache may use, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long ResponseCacheBytes { get; set; } = 64 * 1024 * 1024;
}
