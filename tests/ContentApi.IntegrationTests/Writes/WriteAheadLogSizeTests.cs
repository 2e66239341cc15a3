using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>The write-ahead log, grown while a long read held it, is cut back once it can start over.</summary>
public sealed class WriteAheadLogSizeTests : IDisposable
{
    private const long Limit = 1024 * 1024;

    private sealed class SmallLogFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Database:JournalSizeLimitBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private readonly SmallLogFactory _factory = new();

    [Fact]
    public async Task The_log_is_cut_back_to_its_limit_after_a_long_read_ends()
    {
        var content = new TestContent(_factory.Writer());
        var longBody = string.Concat(Enumerable.Repeat("長文的一段，寫給預寫日誌。", 4_000));
        await content.ArticleAsync();
        using (var longRead = _factory.OpenDatabase())
        {
            using var transaction = longRead.BeginTransaction(deferred: true);
            using var read = longRead.CreateCommand();
            read.CommandText = "SELECT count(*) FROM articles";
            read.ExecuteScalar();
            for (var i = 0; i < 20; i++)
            {
                await content.ArticleAsync(new() { ["body"] = longBody });
            }
            Assert.True(LogLength() > 4 * Limit, $"the log should have grown while the read was open ({LogLength()} bytes)");
        }

        // The first write after the read checkpoints the whole log; the next starts it over.
        await content.ArticleAsync();
        await content.ArticleAsync();

        Assert.InRange(LogLength(), 0, Limit);
    }

    /// <summary>The log's length; 0 when there is none (SQLite deletes it when the last connection to the database closes).</summary>
    private long LogLength() => new FileInfo(_factory.DatabasePath + "-wal") is { Exists: true } log ? log.Length : 0;

    public void Dispose() => _factory.Dispose();
}
