using ContentApi.Data;
using ContentApi.Http.Lists;

namespace ContentApi.Deletions;

public sealed class DeletionStore(Db db, ListTotals totals)
{
    private const string Select = """
        SELECT d.id AS Id, d.type AS Type, d.item_id AS ItemId, d.slug AS Slug, d.reason AS Reason, d.deleted_at AS DeletedAt
        """;

    private const string From = "FROM deletions d";

    /// <summary>Oldest first, as a sync applies them; ties in the order they were recorded.</summary>
    public static SortOptions<DeletionRow> Sorts { get; } = new([new("deletedAt", "d.deleted_at", r => r.DeletedAt)], "deletedAt");

    public async Task<Page<DeletionRow>> ListAsync(DeletionFilter filter, SortOrder<DeletionRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new Dapper.DynamicParameters();
        if (filter.PublicOnly)
        {
            conditions.Add("d.was_public = 1");
        }
        // Always: an entry of a type this build does not know (recorded by a later release) names nothing it serves.
        conditions.Add("d.type IN @Types");
        parameters.Add("Types", filter.Types is { Count: > 0 } types ? types.Select(t => t.ToString().ToLowerInvariant()).ToArray() : DeletionTypes.Names.ToArray());
        InstantRange.AddTo(conditions, parameters, "d.deleted_at", "Deleted", filter.DeletedAfter, filter.DeletedBefore);
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<DeletionRow>(
            Select, From, conditions, parameters, order, "d.id", r => r.Id, after, limit, page), cancellationToken);
    }
}

/// <summary>Filters of the deletions feed.</summary>
/// <param name="PublicOnly">Only what anonymous callers saw when it left (anonymous callers).</param>
public sealed record DeletionFilter(bool PublicOnly, IReadOnlyList<DeletionType>? Types, DateTimeOffset? DeletedAfter, DateTimeOffset? DeletedBefore);
