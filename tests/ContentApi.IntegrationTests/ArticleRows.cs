using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests;

/// <summary>
/// Articles written straight into the database, for tests of authors and images that articles refer to
/// (deletion refused while in use, published counts) without depending on the articles API.
/// </summary>
internal static class ArticleRows
{
    private const string Epoch = "2020-01-01T00:00:00.000000Z";

    public static async Task<long> InsertAsync(
        ApiFactory factory, string slug, bool published = false, long? coverImageId = null, long[]? imageIds = null, long[]? authorIds = null)
    {
        using var db = factory.OpenDatabase();
        var id = await db.ExecuteScalarAsync<long>("""
            INSERT INTO articles (slug, title, derived_excerpt, body, language, status, published_at, cover_image_id,
                                  reading_time_minutes, character_count, created_at, updated_at, version)
            VALUES (@Slug, @Slug, '', '', 'en', @Status, @PublishedAt, @CoverImageId, 1, 0, @Epoch, @Epoch, 1)
            RETURNING id
            """, new { Slug = slug, Status = published ? "published" : "draft", PublishedAt = published ? Epoch : null, CoverImageId = coverImageId, Epoch });
        foreach (var (imageId, position) in (imageIds ?? []).Select((x, i) => (x, i)))
        {
            await db.ExecuteAsync("INSERT INTO article_images (article_id, image_id, position) VALUES (@Id, @ImageId, @Position)", new { Id = id, ImageId = imageId, Position = position });
        }
        foreach (var (authorId, position) in (authorIds ?? []).Select((x, i) => (x, i)))
        {
            await db.ExecuteAsync("INSERT INTO article_authors (article_id, author_id, position) VALUES (@Id, @AuthorId, @Position)", new { Id = id, AuthorId = authorId, Position = position });
        }
        return id;
    }
}
