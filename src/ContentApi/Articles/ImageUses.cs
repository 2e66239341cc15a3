using ContentApi.Data;

namespace ContentApi.Articles;

/// <summary>
/// The imageId filter: articles showing any of the images, as their cover (ix_articles_cover), in their imageIds
/// (article_images, ix_article_images_image), which are the images a body may place, or as the avatar of an author they
/// credit (ix_authors_avatar, then ix_article_authors_author), which their authors embed: an edit of any of these moves
/// the article's ETag, and a CDN purge or a sync after it asks this filter for the articles it changed. Walked, each
/// article met is tested on its cover column, its image links' primary key and its authors' avatars.
/// </summary>
internal static class ImageUses
{
    public const string IdsName = "ImageIds";

    private static readonly string Ids = SqliteDialect.ValuesIn($"@{IdsName}");

    public static readonly string Walk = $"(a.cover_image_id IN ({Ids}) OR EXISTS (SELECT 1 FROM article_images x WHERE x.article_id = a.id AND x.image_id IN ({Ids}))" +
        $" OR EXISTS (SELECT 1 FROM article_authors y JOIN authors u ON u.id = y.author_id WHERE y.article_id = a.id AND u.avatar_image_id IN ({Ids})))";

    /// <summary>The uses of any of the images, as article ids (an article may be there twice).</summary>
    private static readonly string Uses = $"SELECT c.id FROM articles c WHERE c.cover_image_id IN ({Ids}) UNION ALL SELECT x.article_id FROM article_images x WHERE x.image_id IN ({Ids})" +
        $" UNION ALL SELECT y.article_id FROM authors u JOIN article_authors y ON y.author_id = u.id WHERE u.avatar_image_id IN ({Ids})";

    public static readonly string Drive = $"a.id IN ({Uses})";

    /// <summary>The uses of any of the images, as rows of one column (an article may be counted twice: a bound, not a total).</summary>
    public static readonly string Rows = $"FROM ({Uses})";
}
