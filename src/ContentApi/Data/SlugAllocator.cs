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

/// <summary>Outcome of choosing a slug: the slug, or the id of the resource that already holds the requested one.</summary>
public sealed record SlugChoice(string? Slug, long? TakenBy);

public static class SlugAllocator
{
    private static string TableName(SluggedTable table) => table switch
    {
        SluggedTable.Articles => "articles",
        SluggedTable.Authors => "authors",
        SluggedTable.Tags => "tags",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>
    /// An explicit slug must be free (else the caller gets 409); a derived one gets "-2", "-3", ...
    /// until it is free, so creating "Hello" twice just works.
    /// </summary>
    public static async Task<SlugChoice> ChooseAsync(
        DbConnection connection, DbTransaction transaction, SluggedTable table, string? requested, string derivedFrom,
        string fallback, long? selfId, CancellationToken cancellationToken)
    {
        var sql = $"SELECT id FROM {TableName(table)} WHERE slug = @Slug";
        if (requested is not null)
        {
            var holder = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Slug = requested }, transaction, cancellationToken: cancellationToken));
            return holder is { } id && id != selfId ? new SlugChoice(null, id) : new SlugChoice(requested, null);
        }
        var baseSlug = Slugs.FromText(derivedFrom, fallback);
        for (var attempt = 1; ; attempt++)
        {
            var candidate = Slugs.WithSuffix(baseSlug, attempt);
            var holder = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Slug = candidate }, transaction, cancellationToken: cancellationToken));
            if (holder is null || holder == selfId)
            {
                return new SlugChoice(candidate, null);
            }
        }
    }
}
