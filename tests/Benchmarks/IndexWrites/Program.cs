// What one article costs the search index on write, without HTTP: on a COPY of a seeded database, indexes real
// seeded Chinese bodies (analysed as the app does) under new row ids, one article per transaction and eight per
// transaction, then replaces the index rows of random existing articles one per transaction (as an update does).
// Usage: dotnet run -c Release --project tests/Benchmarks/IndexWrites -- COPY.db [transactions]
using System.Diagnostics;
using ContentApi.Rendering;
using ContentApi.Search;
using Microsoft.Data.Sqlite;

if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: IndexWrites COPY_OF_A_SEEDED.db [transactions (default 300)]  (the file is written to)");
    return 2;
}
var transactions = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
using var connection = new SqliteConnection($"Data Source={args[0]}");
connection.Open();
Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

var documents = new List<string>();
using (var select = connection.CreateCommand())
{
    select.CommandText = "SELECT body FROM articles WHERE language = 'zh-Hant' ORDER BY id LIMIT 50";
    using var reader = select.ExecuteReader();
    while (reader.Read())
    {
        documents.Add(SearchAnalyzer.AnalyzeForIndex(MarkdownRenderer.ToPlainText(reader.GetString(0))));
    }
}
var maxId = Scalar("SELECT max(id) FROM articles");
Console.WriteLine($"{documents.Count} bodies, {documents.Average(d => d.Count(c => c == ' ') + 1):F0} index tokens each; {maxId} articles");

var nextId = maxId + 1_000_000;
Report("insert, 1 article per transaction", Run(transactions, 1, _ => Insert(nextId++)), 1);
Report("insert, 8 articles per transaction", Run(transactions / 8, 8, _ => Insert(nextId++)), 8);
var random = new Random(7);
Report("replace a random article's row, 1 per transaction", Run(transactions, 1, _ =>
{
    var id = random.NextInt64(1, maxId + 1);
    Execute("DELETE FROM articles_fts WHERE rowid = $id", ("$id", id));
    Insert(id);
}), 1);
return 0;

List<double> Run(int count, int perTransaction, Action<int> write)
{
    var latencies = new List<double>(count);
    for (var t = 0; t < count; t++)
    {
        var started = Stopwatch.GetTimestamp();
        Execute("BEGIN IMMEDIATE");
        for (var i = 0; i < perTransaction; i++)
        {
            write(i);
        }
        Execute("COMMIT");
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    return latencies;
}

void Insert(long id) =>
    Execute("INSERT INTO articles_fts (rowid, body) VALUES ($id, $body)", ("$id", id), ("$body", documents[(int)(id % documents.Count)]));

void Report(string what, List<double> latencies, int perTransaction)
{
    latencies.Sort();
    double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
    Console.WriteLine($"{what}: {latencies.Average() / perTransaction:F2} ms per article; per transaction p50 {At(0.5):F1}, " +
        $"p95 {At(0.95):F1}, p99 {At(0.99):F1}, max {latencies[^1]:F1} ms");
}

void Execute(string sql, params (string Name, object Value)[] parameters)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }
    command.ExecuteNonQuery();
}

long Scalar(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)command.ExecuteScalar()!;
}
