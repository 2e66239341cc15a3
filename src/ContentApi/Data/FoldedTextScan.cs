using System.Data.Common;
using System.Text.Json;
using ContentApi.Tags;
using Dapper;

namespace ContentApi.Data;

/// <summary>
/// The <c>q</c> filter of the author, tag and image lists: which rows hold a text in their names (or an image's
/// texts), compared as tag names are (<see cref="TagNames.SearchKey"/>: NFKC, ignoring case), which SQLite cannot
/// compute. Every row's texts are read and folded here, one table scan a request: authors and tags are a few thousand
/// (5,000 tags: see README), images more (a media library's search). The ids found go to the list's statement as one
/// JSON array (<see cref="Condition"/>), where the list's other conditions, visibility among them, still apply.
/// </summary>
public static class FoldedTextScan
{
    /// <summary>The rows' texts, joined by line breaks, which a search text never holds, so no match spans two of them.</summary>
    public static string Texts(params string[] columns) => string.Join(" || char(10) || ", columns.Select(c => $"coalesce({c}, '')"));

    /// <summary>The condition on <paramref name="idColumn"/> that keeps the rows found, given as @Matches.</summary>
    public static string Condition(string idColumn) => $"{idColumn} IN (SELECT value FROM json_each(@Matches))";

    /// <param name="textsSql">A statement giving each row's Id and Texts (<see cref="Texts"/>).</param>
    /// <returns>The JSON array of the ids of the rows whose texts hold <paramref name="q"/>.</returns>
    public static async Task<string> MatchesAsync(DbConnection connection, string textsSql, string q, CancellationToken cancellationToken)
    {
        var needle = TagNames.SearchKey(q);
        var rows = await connection.QueryAsync<IdAndTexts>(new CommandDefinition(textsSql, cancellationToken: cancellationToken));
        var ids = rows.Where(row => TagNames.SearchKey(row.Texts).Contains(needle, StringComparison.Ordinal)).Select(row => row.Id);
        return JsonSerializer.Serialize(ids);
    }
}

/// <summary>
/// A row's id and its texts, as <see cref="FoldedTextScan"/> reads them. Properties, not a constructor: of a table
/// without rows, SQLite reports the texts' type as a blob, which no constructor taking a string matches.
/// </summary>
public sealed class IdAndTexts
{
    public long Id { get; init; }
    public string Texts { get; init; } = "";
}
