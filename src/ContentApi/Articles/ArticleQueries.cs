using ContentApi.Data;
using ContentApi.Images;

namespace ContentApi.Articles;

/// <summary>The SQL of the article store, as constants (Dapper caches per SQL text).</summary>
internal static class ArticleQueries
{
    /// <summary>A page holding at most <paramref name="bytes"/> of bodies, measured by their length in bytes, which SQLite takes from the row's header without reading the body (and PostgreSQL knows too).</summary>
    public static PageBudget BodyBudget(long bytes) => new("octet_length(a.body)", From, "a.id", bytes);

    /// <summary>
    /// The article columns under their ArticleRow names. Unqualified, so that INSERT and UPDATE can return them
    /// (RETURNING knows no alias), and every query that selects them reads articles alone.
    /// </summary>
    public const string Columns = $"""
        id AS Id, slug AS Slug, title AS Title, subtitle AS Subtitle, excerpt AS Excerpt,
               derived_excerpt AS DerivedExcerpt, body AS Body, language AS Language, status AS Status,
               published_at AS PublishedAt, earlier_published_at AS EarlierPublishedAt, cover_image_id AS CoverImageId, canonical_url AS CanonicalUrl,
               reading_time_minutes AS ReadingTimeMinutes, character_count AS CharacterCount,
               created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version, {SqliteDialect.RestoredAtColumn},
               created_by AS CreatedBy, updated_by AS UpdatedBy
        """;

    public const string Select = "SELECT " + Columns;

    public const string From = "FROM articles a";

    /// <summary>What anonymous callers may see: published, and not scheduled for later.</summary>
    public const string PubliclyVisible = SqliteDialect.ArticlePubliclyVisible;

    /// <summary>An author's columns, then its avatar's (all null when it has none), split at the avatar's Id.</summary>
    private const string AuthorColumns = $"u.id AS Id, u.slug AS Slug, u.name AS Name, u.version AS Version, u.updated_at AS UpdatedAt, {ImageStore.Columns}";

    private const string AuthorAvatarJoin = "LEFT JOIN images i ON i.id = u.avatar_image_id";

    private const string TagColumns = "t.id AS Id, t.slug AS Slug, t.name AS Name, t.updated_at AS UpdatedAt";

    public const string AuthorsOf = $"""
        SELECT x.article_id AS ArticleId, {AuthorColumns}
        FROM article_authors x JOIN authors u ON u.id = x.author_id {AuthorAvatarJoin}
        WHERE x.article_id IN @Ids ORDER BY x.article_id, x.position
        """;

    public const string TagsOf = $"""
        SELECT x.article_id AS ArticleId, {TagColumns}
        FROM article_tags x JOIN tags t ON t.id = x.tag_id
        WHERE x.article_id IN @Ids ORDER BY x.article_id, x.position
        """;

    /// <summary>Inline images (position &gt;= 0) and covers (position -1) of a set of articles, in one statement.</summary>
    public const string ImagesOf = $"""
        SELECT x.article_id AS ArticleId, x.position AS Position, {ImageStore.Columns}
        FROM article_images x JOIN images i ON i.id = x.image_id
        WHERE x.article_id IN @Ids
        UNION ALL
        SELECT a.id AS ArticleId, -1 AS Position, {ImageStore.Columns}
        FROM articles a JOIN images i ON i.id = a.cover_image_id
        WHERE a.id IN @Ids
        ORDER BY 1, 2
        """;

    /// <summary>The authors, tags and images a write refers to, as its response embeds them (for ArticleReferences).</summary>
    public const string ReferencedAuthors = $"SELECT {AuthorColumns} FROM authors u {AuthorAvatarJoin} WHERE u.id IN @Ids";
    public const string ReferencedTags = $"SELECT {TagColumns} FROM tags t WHERE t.id IN @Ids";
    public const string ReferencedImages = $"SELECT {ImageStore.Columns} FROM images i WHERE i.id IN @Ids";

    public const string ExistingImageIds = "SELECT id FROM images WHERE id IN @Ids";

    public const string Insert = $"""
        INSERT INTO articles (id, slug, title, subtitle, excerpt, derived_excerpt, body, language, status, published_at,
                              cover_image_id, canonical_url, reading_time_minutes, character_count, created_at, updated_at, version,
                              created_by, updated_by)
        VALUES ({SqliteDialect.NextArticleId}, @Slug, @Title, @Subtitle, @Excerpt, @DerivedExcerpt, @Body, @Language, @Status, @PublishedAt,
                @CoverImageId, @CanonicalUrl, @ReadingTimeMinutes, @CharacterCount, @Now, @Now, 1,
                @Editor, @Editor)
        RETURNING {Columns}
        """;

    public const string Update = $"""
        UPDATE articles SET slug = @Slug, title = @Title, subtitle = @Subtitle, excerpt = @Excerpt,
               derived_excerpt = @DerivedExcerpt, body = @Body, language = @Language, status = @Status,
               published_at = @PublishedAt, earlier_published_at = @EarlierPublishedAt, cover_image_id = @CoverImageId, canonical_url = @CanonicalUrl,
               reading_time_minutes = @ReadingTimeMinutes, character_count = @CharacterCount,
               updated_at = @Now, updated_by = @Editor, version = version + 1
        WHERE id = @Id
        RETURNING {Columns}
        """;

    public const string DeleteLinks = """
        DELETE FROM article_authors WHERE article_id = @Id;
        DELETE FROM article_tags WHERE article_id = @Id;
        DELETE FROM article_images WHERE article_id = @Id;
        """;

    public const string InsertAuthorLink = "INSERT INTO article_authors (article_id, author_id, position) VALUES (@ArticleId, @RefId, @Position)";
    public const string InsertTagLink = "INSERT INTO article_tags (article_id, tag_id, position) VALUES (@ArticleId, @RefId, @Position)";
    public const string ImageIdsOfArticle = "SELECT image_id FROM article_images WHERE article_id = @Id";

    /// <summary>The ids of an article's authors ('a'), tags ('t') and inline images ('i').</summary>
    public const string LinkIds = """
        SELECT 'a' AS Kind, author_id AS Id FROM article_authors WHERE article_id = @Id
        UNION ALL SELECT 't', tag_id FROM article_tags WHERE article_id = @Id
        UNION ALL SELECT 'i', image_id FROM article_images WHERE article_id = @Id
        """;

    public const string InsertImageLink = "INSERT INTO article_images (article_id, image_id, position) VALUES (@ArticleId, @RefId, @Position)";

    public const string Delete = "DELETE FROM articles WHERE id = @Id";

    /// <summary>The slug an article is leaving leads to it from now on (it may have led to another article before).</summary>
    public const string KeepOldSlug = """
        INSERT INTO article_slug_aliases (slug, article_id) VALUES (@Slug, @Id)
        ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id;
        DELETE FROM article_slug_aliases_from_import WHERE slug = @Slug
        """;

    /// <summary>A slug an import gives an article as one of its earlier URLs (nothing holds it: the import checks).</summary>
    public const string KeepImportedSlug = """
        INSERT INTO article_slug_aliases (slug, article_id) VALUES (@Slug, @Id);
        INSERT INTO article_slug_aliases_from_import (slug) VALUES (@Slug)
        """;

    /// <summary>Whether an earlier slug (in any of the spellings given) came from an import's aliases, not from an edit.</summary>
    public const string IsImportedAlias = "SELECT count(*) > 0 FROM article_slug_aliases_from_import WHERE slug IN @Spellings";

    /// <summary>Which of @Slugs an article has, as its slug or an earlier one (for <see cref="Text.Slugs.ListSpellingsAsync"/>).</summary>
    public const string StoredSlugs = "SELECT slug FROM articles WHERE slug IN @Slugs UNION ALL SELECT slug FROM article_slug_aliases WHERE slug IN @Slugs";

    public const string DeleteSlugAlias = "DELETE FROM article_slug_aliases WHERE slug = @Slug";

    /// <summary>The current slug of the article an old slug leads to (with <see cref="PubliclyVisible"/> for anonymous callers).</summary>
    public const string SlugOfAlias = "SELECT a.slug FROM article_slug_aliases s JOIN articles a ON a.id = s.article_id WHERE s.slug = @Key";
}
