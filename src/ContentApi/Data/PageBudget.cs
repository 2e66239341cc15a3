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
        var (kept, spent) = (new List<long>(candidates.Count), 0L);
        foreach (var id in candidates)
        {
            var size = sizes.GetValueOrDefault(id);
            if (kept.Count > 0 && size > Bytes - spent)
            {
                break;
            }
            kept.Add(id);
            spent += size;
        }
        return kept;
    }
}
