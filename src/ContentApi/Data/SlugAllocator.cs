using System.Data.Common;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Data;

/// <summary>The tables that have slugs. Table names come only from here, never from callers.</summary>
public enum SluggedTable
{
    Articles,
    Authors,
    Tags,
}

/// <summary>
/// Outcome of choosing a slug: the slug, or the id of the resource that already holds the requested one; and whether the
/// slug is an alias (an earlier slug of an article, an author or a tag) that the caller must delete as it takes the slug over.
/// </summary>
public sealed record SlugChoice(string? Slug, long? TakenBy, bool TakesOverAlias = false);

public static class SlugAllocator
{
    internal static string TableName(SluggedTable table) => table switch
    {
        SluggedTable.Articles => "articles",
        SluggedTable.Authors => "authors",
        SluggedTable.Tags => "tags",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>Who holds a slug (Id): the resource whose slug it is (IsAlias false), and the one it was the slug of (<see cref="SlugAliases"/>).</summary>
    internal static string HoldersSql(SluggedTable table)
    {
        var (aliases, owner) = SlugAliases.Of(table);
        return $"SELECT id AS Id, 0 AS IsAlias FROM {TableName(table)} WHERE slug = @Slug UNION ALL SELECT {owner}, 1 FROM {aliases} WHERE slug = @Slug";
    }

    private sealed record Holder
    {
        public long Id { get; init; }
        public bool IsAlias { get; init; }
    }

    /// <summary>
    /// Whether <paramref name="slug"/> is already this resource's own: a slug stored in an older spelling, which migration
    /// 0021 left where today's spelling was taken, is kept by a write that keeps the slug.
    /// </summary>
    private static async Task<bool> HeldBySelfAsync(DbConnection connection, DbTransaction transaction, string sql, string slug, long selfId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Holder>(new CommandDefinition(sql, new { Slug = slug }, transaction, cancellationToken: cancellationToken)))
            .Any(h => !h.IsAlias && h.Id == selfId);

    /// <summary>
    /// An explicit slug must be free (else the caller gets 409), an earlier slug being free to take over;
    /// a derived one gets "-2", "-3", ... until it is free, and never an earlier slug of another one, so creating
    /// "Hello" twice just works and links to an old slug keep leading to what it named.
    /// </summary>
    public static async Task<SlugChoice> ChooseAsync(
        DbConnection connection, DbTransaction transaction, SluggedTable table, string? requested, string derivedFrom,
        string fallback, long? selfId, CancellationToken cancellationToken)
    {
        var sql = HoldersSql(table);
        if (requested is not null && selfId is not null && Slugs.InStoredSpelling(requested) != requested &&
            await HeldBySelfAsync(connection, transaction, sql, requested, selfId.Value, cancellationToken))
        {
            return new SlugChoice(requested, null);
        }
        requested = requested is null ? null : Slugs.InStoredSpelling(requested);
        if (requested is not null)
        {
            var holders = (await connection.QueryAsync<Holder>(new CommandDefinition(sql, new { Slug = requested }, transaction, cancellationToken: cancellationToken))).AsList();
            return holders.FirstOrDefault(h => !h.IsAlias && h.Id != selfId) is { } holder
                ? new SlugChoice(null, holder.Id)
                : new SlugChoice(requested, null, holders.Any(h => h.IsAlias));
        }
        var baseSlug = Slugs.FromText(derivedFrom, fallback);
        for (var attempt = 1; ; attempt++)
        {
            var candidate = Slugs.WithSuffix(baseSlug, attempt);
            var holders = (await connection.QueryAsync<Holder>(new CommandDefinition(sql, new { Slug = candidate }, transaction, cancellationToken: cancellationToken))).AsList();
            if (holders.All(h => h.Id == selfId))
            {
                return new SlugChoice(candidate, null, holders.Any(h => h.IsAlias));
            }
        }
    }
}
