using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace ContentApi.Data;

/// <summary>
/// Remembers list totals (COUNT(*) over the filters) until the content changes, so that every page of a
/// list, however deep, costs what the first costs instead of re-counting a large library.
/// </summary>
public sealed class ListTotals(Db db, TimeProvider clock)
{
    private const int MaxEntries = 10_000;

    // Values that vary per request without changing the count (the clock, the cursor position, the page size).
    private static readonly HashSet<string> PositionalParameters = new(StringComparer.OrdinalIgnoreCase) { "Now", "CursorValue", "CursorId", "Take", "Offset", "PageIds" };

    private readonly ConcurrentDictionary<string, (ContentState State, long Total)> _totals = new();

    /// <summary>The characters of the kept totals' keys: what remembering them costs in memory, beside the totals.</summary>
    internal long KeptKeyCharacters => _totals.Keys.Sum(key => (long)key.Length);

    public async Task<long> CountAsync(DbConnection connection, string countSql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var state = await db.ContentStateAsync(cancellationToken);
        var key = Key(countSql, parameters);
        // A kept total must describe what this read sees: a read whose snapshot is of another version than the state
        // (a write committed just before or after it began), or whose cut-off precedes the state, neither keeps its count
        // nor takes the kept one, which may count an article the read's own rows leave out.
        var seen = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadContentVersionOnly, cancellationToken: cancellationToken));
        var countsAll = seen == state.Version && CountsAllOf(state, parameters);
        if (countsAll && _totals.TryGetValue(key, out var known) && known.State == state && state.IsCurrentAt(clock.GetUtcNow()))
        {
            return known.Total;
        }
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, parameters, cancellationToken: cancellationToken));
        if (!countsAll)
        {
            return total;
        }
        if (_totals.Count >= MaxEntries)
        {
            _totals.Clear();
        }
        _totals[key] = (state, total);
        return total;
    }

    /// <summary>
    /// Whether a count made with these parameters counts everything the writes behind <paramref name="state"/>
    /// published. A request fixes its visibility cut-off (@Now) when it starts; a write that commits before its count
    /// runs may publish an article after that cut-off, and keeping that count under the write's state would serve it
    /// short to every later request until the next write.
    /// </summary>
    private static bool CountsAllOf(ContentState state, DynamicParameters parameters) =>
        !parameters.ParameterNames.Contains(VisibleAtParameter) || Timestamps.FromDb(parameters.Get<string>(VisibleAtParameter)) >= state.LearnedAt;

    private const string VisibleAtParameter = "Now";

    /// <summary>
    /// New parameters of a list whose rows are visible up to <paramref name="now"/> (@Now), added by name: Dapper lists
    /// the members of a template object only once a command has used them, and the count must read the cut-off.
    /// </summary>
    public static DynamicParameters ParametersVisibleAt(string now)
    {
        var parameters = new DynamicParameters();
        parameters.Add(VisibleAtParameter, now);
        return parameters;
    }

    /// <summary>
    /// A SHA-256 of the query and its parameters: a key holding them held the request's text (60 slugs, a query of
    /// 256 characters) for as long as the total was kept, ~18 KB each for up to <see cref="MaxEntries"/> of them.
    /// </summary>
    private static string Key(string sql, DynamicParameters parameters)
    {
        var key = new StringBuilder(sql);
        foreach (var name in parameters.ParameterNames.Where(n => !PositionalParameters.Contains(n)).Order(StringComparer.Ordinal))
        {
            var value = parameters.Get<object?>(name);
            key.Append('\u0001').Append(name).Append('=')
                .Append(value is System.Collections.IEnumerable list and not string ? string.Join('\u0002', list.Cast<object?>()) : value);
        }
        // Its UTF-16 code units as they are: no encoding of them could take two texts for one.
        return Convert.ToBase64String(SHA256.HashData(MemoryMarshal.AsBytes(key.ToString().AsSpan())));
    }
}
