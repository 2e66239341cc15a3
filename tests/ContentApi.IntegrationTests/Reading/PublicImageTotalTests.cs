using System.Net;
using ContentApi.Data;
using ContentApi.Images;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The anonymous image list's total comes from the published uses that migration 0018's triggers keep, instead of
/// checking every image. Whatever writes covers, inline images, statuses, schedules and avatars, it must equal the
/// images the list's own condition finds.
/// </summary>
public sealed class PublicImageTotalTests : IDisposable
{
    private static readonly string CountedSql = $"SELECT count(*) FROM images i WHERE {ImageStore.PubliclyShown}";

    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_total_follows_covers_inline_images_statuses_schedules_avatars_and_deletes()
    {
        var writer = _factory.Writer();
        var content = new TestContent(writer);
        var images = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            images.Add(await content.ImageAsync());
        }
        var authors = new List<long> { await content.AuthorAsync(), await content.AuthorAsync() };
        var random = new Random(18);
        var articles = new List<long>();
        for (var step = 0; step < 60; step++)
        {
            var change = articles.Count < 3 ? 0 : random.Next(8);
            switch (change)
            {
                case 0:
                    articles.Add((await content.ArticleAsync(new(WithImages(random, images, RandomArticleWrites.Visibility(random))) { ["authorIds"] = new[] { authors[0] } }))["id"]!.GetValue<long>());
                    break;
                case 1:
                    await writer.PatchOkAsync($"/api/v1/articles/{Pick(random, articles)}", WithImages(random, images, []));
                    break;
                case 2 or 3:
                    await writer.PatchOkAsync($"/api/v1/articles/{Pick(random, articles)}", RandomArticleWrites.Visibility(random));
                    break;
                case 4:
                    await writer.PatchOkAsync($"/api/v1/authors/{Pick(random, authors)}", new() { ["avatarImageId"] = random.Next(3) == 0 ? null : Pick(random, images) });
                    break;
                case 5:
                    images.Add(await content.ImageAsync());
                    break;
                case 6:
                    var unused = await UnusedImageAsync(images);
                    if (unused is { } id)
                    {
                        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/images/{id}")).StatusCode);
                        images.Remove(id);
                    }
                    break;
                default:
                    var deleted = Pick(random, articles);
                    Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/articles/{deleted}")).StatusCode);
                    articles.Remove(deleted);
                    break;
            }
            await AssertServedTotalEqualsCountedAsync($"step {step} (change {change})");
        }
    }

    /// <summary>The cases random writes reach seldom: one avatar of two authors, only scheduled uses, a cover and a status changed at once.</summary>
    [Fact]
    public async Task Shared_avatars_scheduled_uses_and_a_cover_changed_with_the_status_are_counted_right()
    {
        var writer = _factory.Writer();
        var content = new TestContent(writer);
        var (avatar, a, b) = (await content.ImageAsync(), await content.ImageAsync(), await content.ImageAsync());
        var authors = new[] { await content.AuthorAsync(), await content.AuthorAsync() };
        await content.ArticleAsync(new() { ["authorIds"] = authors }); // an avatar shows only with its author
        var later = DateTimeOffset.UtcNow.AddDays(3);
        foreach (var author in authors)
        {
            await writer.PatchOkAsync($"/api/v1/authors/{author}", new() { ["avatarImageId"] = avatar });
        }
        await content.ArticleAsync(new() { ["publishedAt"] = later, ["coverImageId"] = avatar, ["imageIds"] = new[] { avatar } });
        await AssertServedTotalAsync(1, "one avatar of two authors, also used by a scheduled article");
        await writer.PatchOkAsync($"/api/v1/authors/{authors[0]}", new() { ["avatarImageId"] = null });
        await AssertServedTotalAsync(1, "one author left with the avatar");
        await writer.PatchOkAsync($"/api/v1/authors/{authors[1]}", new() { ["avatarImageId"] = null });
        await AssertServedTotalAsync(0, "the avatar only used by a scheduled article, as cover and inline");

        var article = (await content.ArticleAsync(new() { ["publishedAt"] = later, ["coverImageId"] = a, ["imageIds"] = new[] { a } }))["id"]!.GetValue<long>();
        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(-1), ["coverImageId"] = b });
        await AssertServedTotalAsync(2, "published now with another cover");
        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["status"] = "draft", ["publishedAt"] = null, ["coverImageId"] = a });
        await AssertServedTotalAsync(0, "back to a draft with its first cover");
        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["status"] = "published", ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(-1), ["coverImageId"] = b });
        await AssertServedTotalAsync(2, "published again with the other cover");
    }

    [Fact]
    public async Task Applying_the_migration_again_counts_afresh()
    {
        var content = new TestContent(_factory.Writer());
        var image = await content.ImageAsync();
        await content.ArticleAsync(new() { ["coverImageId"] = image });
        await using (var connection = _factory.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE image_published_uses SET uses = 0; DELETE FROM schema_migrations WHERE version >= 18;");
        }

        using var again = new OnDatabaseFile(_factory.DatabasePath);
        Assert.Equal(1, (await again.Anonymous().GetJsonAsync("/api/v1/images"))["page"]!["total"]!.GetValue<long>());
    }

    private static long Pick(Random random, List<long> ids) => ids[random.Next(ids.Count)];

    private static Dictionary<string, object?> WithImages(Random random, List<long> images, Dictionary<string, object?> fields) =>
        new(fields)
        {
            ["coverImageId"] = random.Next(4) == 0 ? null : Pick(random, images),
            ["imageIds"] = images.Where(_ => random.Next(3) == 0).ToArray(),
        };

    private async Task<long?> UnusedImageAsync(List<long> images)
    {
        await using var connection = _factory.OpenDatabase();
        return await connection.QueryFirstOrDefaultAsync<long?>("""
            SELECT i.id FROM images i WHERE i.id IN @Ids
              AND NOT EXISTS (SELECT 1 FROM articles WHERE cover_image_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM article_images WHERE image_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM authors WHERE avatar_image_id = i.id)
            """, new { Ids = images });
    }

    private async Task AssertServedTotalAsync(long expected, string when)
    {
        await AssertServedTotalEqualsCountedAsync(when);
        Assert.Equal(expected, (await _factory.Anonymous().GetJsonAsync("/api/v1/images"))["page"]!["total"]!.GetValue<long>());
    }

    private async Task AssertServedTotalEqualsCountedAsync(string when)
    {
        long counted;
        await using (var connection = _factory.OpenDatabase())
        {
            counted = await connection.ExecuteScalarAsync<long>(CountedSql, new { Now = Timestamps.ToDb(DateTimeOffset.UtcNow) });
        }
        var served = (await _factory.Anonymous().GetJsonAsync("/api/v1/images"))["page"]!["total"]!.GetValue<long>();
        Assert.True(counted == served, $"after {when}: counted {counted}, served {served}");
    }
}
