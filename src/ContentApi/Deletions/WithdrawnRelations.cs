using System.Data.Common;
using ContentApi.Authors;
using ContentApi.Data;
using ContentApi.Images;
using ContentApi.Tags;
using Dapper;

namespace ContentApi.Deletions;

/// <summary>
/// The authors, tags and images an article write takes out of anonymous callers' view: each is shown to them only while
/// a live article uses it (an image also as the avatar of a shown author), so unpublishing, rescheduling, deleting or
/// editing the article that alone showed one hides it, as a withdrawn entry says (and so does an author's new avatar, the old one's). Only what the article used before the
/// write can leave: one it takes on was shown (or not) by other articles, which the write does not change. A few EXISTS
/// per related id, read before and after the write in its transaction.
/// </summary>
public static class WithdrawnRelations
{
    private static string ShownAmong(string authorIds, string tagIds, string imageIds) => $"""
        SELECT 1 AS Rank, au.id AS Id, au.slug AS Slug FROM authors au WHERE au.id IN ({authorIds}) AND {AuthorStore.PubliclyShown}
        UNION ALL
        SELECT 2, t.id, t.slug FROM tags t WHERE t.id IN ({tagIds}) AND {TagStore.PubliclyShown}
        UNION ALL
        SELECT 3, i.id, NULL FROM images i WHERE i.id IN ({imageIds}) AND {ImageStore.PubliclyShown}
        ORDER BY 1, 2
        """;

    private static readonly string ShownUsedByArticleSql = ShownAmong(
        "SELECT author_id FROM article_authors WHERE article_id = @Article",
        "SELECT tag_id FROM article_tags WHERE article_id = @Article",
        """
        SELECT image_id FROM article_images WHERE article_id = @Article
        UNION SELECT cover_image_id FROM articles WHERE id = @Article
        UNION SELECT w.avatar_image_id FROM article_authors v JOIN authors w ON w.id = v.author_id WHERE v.article_id = @Article
        """);

    private static readonly string ShownAvatarSql = ShownAmong("SELECT CAST(NULL AS INTEGER) WHERE 1 = 0", "SELECT CAST(NULL AS INTEGER) WHERE 1 = 0", "SELECT avatar_image_id FROM authors WHERE id = @Author");

    private static readonly string StillShownSql = ShownAmong(
        SqliteDialect.ValuesIn("@Authors"), SqliteDialect.ValuesIn("@Tags"), SqliteDialect.ValuesIn("@Images"));

    /// <summary>What the article uses that anonymous callers see, read before the write (at <paramref name="now"/>, as stored).</summary>
    public static async Task<IReadOnlyList<Shown>> BeforeAsync(DbConnection connection, DbTransaction transaction, long articleId, string now, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<Shown>(new CommandDefinition(ShownUsedByArticleSql, new { Article = articleId, Now = now }, transaction, cancellationToken: cancellationToken))];

    /// <summary>The author's avatar, if anonymous callers see it, read before a write that changes it: the author may have been all that showed it.</summary>
    public static async Task<IReadOnlyList<Shown>> AvatarBeforeAsync(DbConnection connection, DbTransaction transaction, long authorId, string now, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<Shown>(new CommandDefinition(ShownAvatarSql, new { Author = authorId, Now = now }, transaction, cancellationToken: cancellationToken))];

    /// <summary>Records each of <paramref name="before"/> that anonymous callers no longer see after the write as withdrawn, for them too.</summary>
    public static async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Shown> before, string now, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (before.Count == 0)
        {
            return;
        }
        string Ids(int rank) => SqliteDialect.ListArgument(before.Where(s => s.Rank == rank).Select(s => s.Id));
        var still = (await connection.QueryAsync<Shown>(new CommandDefinition(StillShownSql,
            new { Authors = Ids(1), Tags = Ids(2), Images = Ids(3), Now = now }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        foreach (var left in before.Where(s => !still.Contains(s)))
        {
            await DeletionLog.RecordAsync(connection, transaction, left.Type, left.Id, left.Slug, DeletionReason.Withdrawn, at, wasPublic: true, cancellationToken);
        }
    }

    /// <summary>An author (rank 1), tag (2) or image (3) anonymous callers see, with its slug.</summary>
    public sealed record Shown
    {
        public long Rank { get; init; }
        public long Id { get; init; }
        public string? Slug { get; init; }

        public DeletionType Type => Rank switch { 1 => DeletionType.Author, 2 => DeletionType.Tag, _ => DeletionType.Image };
    }
}
