using ContentApi.Search;
using Microsoft.Data.Sqlite;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// Documents analysed as the article index analyses them, in an FTS5 table in memory with the app's tokenizer, and
/// searched with the MATCH expression the search endpoint builds: the analyzer and the query side tested together.
/// </summary>
internal sealed class InMemorySearchIndex : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public InMemorySearchIndex(IReadOnlyList<string> documents)
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = $"CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = '{SearchAnalyzer.Fts5Tokenizer}')";
        create.ExecuteNonQuery();
        for (var i = 0; i < documents.Count; i++)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (rowid, body) VALUES ($id, $body)";
            insert.Parameters.AddWithValue("$id", i + 1);
            insert.Parameters.AddWithValue("$body", SearchAnalyzer.AnalyzeForIndex(documents[i]));
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The documents (numbered from 1) a query typed into the search finds.</summary>
    public long[] Search(string query)
    {
        var match = Fts5Match.ToFts5Match(SearchQuery.Parse(query));
        Assert.NotNull(match);
        return Rows(match);
    }

    /// <summary>The documents an FTS5 MATCH expression finds.</summary>
    public long[] Rows(string match)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $match ORDER BY rowid";
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return [.. ids];
    }

    public void Dispose() => _connection.Dispose();
}
