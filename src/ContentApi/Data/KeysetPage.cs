using System.Data.Common;
using ContentApi.Http.Lists;
using Dapper;

namespace ContentApi.Data;

/// <summary>A page of rows, the cursor after its last row (null on the last page) and the total count.</summary>
public sealed record Page<TRow>(IReadOnlyList<TRow> Rows, string? NextCursor, long Total);

/// <summary>
/// Runs a keyset-paginated query. All SQL fragments come from code (allow-listed sort expressions and
/// fixed filter conditions); caller values only ever travel as parameters.
/// </summary>
public static class KeysetPage
{
    public sealed record Query<TRow>(
        string Select, string From, IReadOnlyList<string> Conditions, DynamicParameters Parameters,
        SortOrder<TRow> Order, string IdColumn, Func<TRow, long> IdOf, Cursor? After, int Limit, int? PageNumber = null,
        PageBudget? Budget = null, TotalQuery? TotalBy = null);

    /// <summary>How the total is found when not by counting the rows the page is selected from: a statement giving one number.</summary>
    public sealed record TotalQuery(string Sql)
    {
        /// <summary>Counting other tables to start from, or other forms of the same conditions.</summary>
        public static TotalQuery Count(string from, IReadOnlyList<string> conditions) =>
            new($"SELECT count(*) {from}{(conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions))}");
    }

    public static async Task<Page<TRow>> RunAsync<TRow>(DbConnection connection, ListTotals totals, Query<TRow> query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>(query.Conditions);
        if (query.After is { } after)
        {
            conditions.Add(query.Order.After(query.IdColumn));
            query.Parameters.Add("CursorValue", after.Value is { } value ? query.Order.Field.CursorParameter(value) : null);
            query.Parameters.Add("CursorId", after.Id);
        }
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var offset = query.PageNumber is not null ? " OFFSET @Offset" : "";
        if (query.PageNumber is { } page)
        {
            query.Parameters.Add("Offset", (long)(page - 1) * query.Limit);
        }
        query.Parameters.Add("Take", query.Limit + 1);
        var order = $" ORDER BY {query.Order.OrderBy(query.IdColumn)} LIMIT @Take{offset}";
        List<TRow> rows;
        bool more;
        if (query.Budget is { } budget)
        {
            // Wide rows (article bodies) are sorted as ids, weighed, and only those that fit loaded: SQLite's sorter
            // would otherwise carry every candidate's full row when no index gives the order.
            var candidates = (await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT {query.IdColumn} {query.From}{where}{order}", query.Parameters, cancellationToken: cancellationToken))).AsList();
            var ids = await budget.KeepAsync(connection, candidates, query.Limit, cancellationToken);
            more = candidates.Count > ids.Count;
            query.Parameters.Add("PageIds", ids);
            var byId = (await connection.QueryAsync<TRow>(new CommandDefinition(
                $"{query.Select} {query.From} WHERE {query.IdColumn} IN @PageIds", query.Parameters, cancellationToken: cancellationToken))).ToDictionary(query.IdOf);
            rows = [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
        }
        else
        {
            rows = (await connection.QueryAsync<TRow>(new CommandDefinition(
                $"{query.Select} {query.From}{where}{order}", query.Parameters, cancellationToken: cancellationToken))).AsList();
            more = rows.Count > query.Limit;
            if (more)
            {
                rows.RemoveAt(rows.Count - 1);
            }
        }

        var total = await totals.CountAsync(connection, (query.TotalBy ?? TotalQuery.Count(query.From, query.Conditions)).Sql, query.Parameters, cancellationToken);

        var next = more && rows.Count > 0 && rows[^1] is var last
            ? new Cursor(query.Order.Key, query.Order.Field.ValueOf(last), query.IdOf(last)).Encode()
            : null;
        return new Page<TRow>(rows, next, total);
    }
}
