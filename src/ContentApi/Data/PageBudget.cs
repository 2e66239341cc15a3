using System.Data.Common;
using Dapper;

namespace ContentApi.Data;

/// <summary>
/// A bound on what a page's rows may add up to by <paramref name="SizeSql"/> (an expression over a row of
/// <paramref name="From"/> that SQL computes without loading the value, such as a body's byte length): the page ends
/// before the row that would pass <paramref name="Bytes"/>, but always holds one row.
/// </summary>
public sealed record PageBudget(string SizeSql, string From, string IdColumn, long Bytes)
{
    /// <summary>
    /// The first of <paramref name="ids"/> (in page order) that fit: at most <paramref name="limit"/>. Sizes are read for
    /// these ids alone, after the page's query: computed in it, they were computed for every row its sort went through.
    /// </summary>
    public async Task<List<long>> KeepAsync(DbConnection connection, IReadOnlyList<long> ids, int limit, CancellationToken cancellationToken)
    {
        var candidates = ids.Take(limit).ToList();
        var sizes = (await connection.QueryAsync<(long Id, long Size)>(new CommandDefinition(
            $"SELECT {IdColumn}, {SizeSql} {From} WHERE {IdColumn} IN @Ids", new { Ids = candidates }, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.Id, row => row.Size);
        return Within([.. candidates.Select(id => (id, sizes.GetValueOrDefault(id)))], limit, Bytes);
    }

    /// <summary>The ids of the page: at most <paramref name="limit"/>, and no more than fit in <paramref name="budget"/> (but at least one).</summary>
    internal static List<long> Within(IReadOnlyList<(long Id, long Size)> candidates, int limit, long budget)
    {
        var ids = new List<long>(Math.Min(candidates.Count, limit));
        var spent = 0L;
        foreach (var (id, size) in candidates)
        {
            if (ids.Count == limit || (ids.Count > 0 && size > budget - spent))
            {
                break;
            }
            ids.Add(id);
            spent += size;
        }
        return ids;
    }
}
