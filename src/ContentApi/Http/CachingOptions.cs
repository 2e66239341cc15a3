namespace ContentApi.Http;

/// <summary>Cache-Control for responses. Bound from the "Caching" section.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Sent on anonymous reads of published content (CDNs and browsers may share it).</summary>
    public string PublicCacheControl { get; set; } = "public, max-age=60, stale-while-revalidate=300";

    /// <summary>Sent on anything a key unlocked: never stored by shared caches.</summary>
    public string PrivateCacheControl { get; set; } = "private, no-cache";
}
