using System.Data.Common;
using ContentApi.Tags;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// The folded keys stored with tags, authors and images, which SQLite cannot compute (NFKC): a tag's name key
/// (<see cref="TagNames.Key"/>: <c>tags.name_key</c>, indexed, for the unique-name rule) and each row's search key
/// (<see cref="TagNames.SearchKey"/> of its texts: <c>search_key</c>, for <c>q</c>: <see cref="FoldedTextScan"/>). Every
/// write of those texts writes them: the stores from <see cref="TagKeys"/>, <see cref="AuthorKey"/> and
/// <see cref="ImageKey"/>; rows inserted otherwise (an export's import, a migration for rows from before) by
/// <see cref="RecomputeSql"/>, which calls the same C# through SQL functions registered on the connection
/// (<see cref="RegisterFunctions"/>) and only there: the schema never names them, so other SQLite tools still read and
/// write the file, and a row they write is keyed again only by a later import or migration.
/// </summary>
public static class FoldedKeys
{
    /// <summary>The key columns, which migration 0026 adds (<see cref="MigrationColumns"/>).</summary>
    internal static readonly (string Table, string Column)[] Columns =
        [("tags", "name_key"), ("tags", "search_key"), ("authors", "search_key"), ("images", "search_key")];

    /// <summary>
    /// Every stored key recomputed from its row, with the functions of <see cref="RegisterFunctions"/>: the backfill of
    /// migration 0026, and the one a later migration repeats when <see cref="TagNames.Key"/> changes.
    /// </summary>
    public const string RecomputeSql = """
        UPDATE tags SET name_key = folded_name_key(name), search_key = folded_search_key(name, slug);
        UPDATE authors SET search_key = folded_search_key(name, slug);
        UPDATE images SET search_key = folded_search_key(alt_text, caption, credit);
        """;

    /// <summary>Whether <paramref name="column"/> of <paramref name="table"/> is a key, which the app computes and no file gives.</summary>
    public static bool IsKey(string table, string column) => Columns.Contains((table, column));

    public static (string NameKey, string SearchKey) TagKeys(string name, string slug) => (TagNames.Key(name), SearchKey(name, slug));

    public static string AuthorKey(string name, string slug) => SearchKey(name, slug);

    public static string ImageKey(string altText, string? caption, string? credit) => SearchKey(altText, caption, credit);

    /// <summary>
    /// The texts joined by line breaks, which a search text never holds (<c>q</c> is one line), so no match spans two,
    /// then folded.
    /// </summary>
    private static string SearchKey(params string?[] texts) => TagNames.SearchKey(string.Join('\n', texts.Select(text => text ?? "")));

    /// <summary>folded_name_key(name) and folded_search_key(text, …) on <paramref name="connection"/>, for <see cref="RecomputeSql"/>.</summary>
    public static void RegisterFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("folded_name_key", (string name) => TagNames.Key(name), isDeterministic: true);
        connection.CreateFunction("folded_search_key", (string? first, string? second) => SearchKey(first, second), isDeterministic: true);
        connection.CreateFunction("folded_search_key", (string? first, string? second, string? third) => SearchKey(first, second, third), isDeterministic: true);
    }

    /// <summary>Recomputes every stored key (<see cref="RecomputeSql"/>) in <paramref name="transaction"/>.</summary>
    public static async Task RecomputeAsync(SqliteConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        RegisterFunctions(connection);
        await connection.ExecuteAsync(new CommandDefinition(RecomputeSql, transaction: transaction, cancellationToken: cancellationToken));
    }
}
