namespace ContentApi.Http.Caching;

/// <summary>
/// Marks a read whose answers no article's going live can change: a live article (its embedded authors and tags carry
/// no counts) and an image shown by live content. Its public Cache-Control is the configured one, never cut before the
/// next scheduled article (<see cref="PublicFreshness"/>): a newsroom scheduling a story every few minutes otherwise
/// kept every article page's CDN lifetime below the time to the next one. Lists, search, authors and tags (whose
/// <c>publishedArticleCount</c> moves) are cut.
/// </summary>
public sealed class SameAtGoLive
{
    public static readonly SameAtGoLive Instance = new();

    private SameAtGoLive()
    {
    }

    public static bool Marks(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SameAtGoLive>() is not null;
}
