using ContentApi.Data;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// Brings what is derived from each article's body (its excerpt when none is given, character count, reading time) up
/// to this build's rules, which an upgrade may change (<c>reindex</c> runs it first: the index holds the excerpt).
/// Bodies are measured outside the write lock, and a row is written only while it is still the version measured, so an
/// edit meanwhile (derived by these rules already) is never overwritten. The version and updatedAt stay as they are:
/// nobody edited the article; its ETag changes with its representation, and so does its Last-Modified, through the date
/// before which no Last-Modified falls (migration 0013, which a restore also moves).
/// </summary>
public static class DerivedTextRefresh
{
    /// <summary>Articles measured and written at a time.</summary>
    private const int Batch = 100;

    private const string SelectSql = """
        SELECT id AS Id, version AS Version, body AS Body, derived_excerpt AS DerivedExcerpt,
               character_count AS CharacterCount, reading_time_minutes AS ReadingTimeMinutes
        FROM articles WHERE id IN @Ids
        """;

    private const string UpdateSql = """
        UPDATE articles SET derived_excerpt = @DerivedExcerpt, character_count = @CharacterCount, reading_time_minutes = @ReadingTimeMinutes
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Returns how many articles' derived values changed.</summary>
    public static async Task<int> RefreshAsync(Db db, TimeProvider clock, IReadOnlyList<long> articleIds, Action<long> progress, CancellationToken cancellationToken)
    {
        var (refreshed, done) = (0, 0L);
        foreach (var batch in articleIds.Chunk(Batch))
        {
            var changed = await MeasureAsync(db, batch, cancellationToken);
            if (changed.Count > 0)
            {
                refreshed += await WriteAsync(db, clock, changed, cancellationToken);
                await ServerLock.LetServerWriteAsync(db.ConnectionString, cancellationToken);
            }
            progress(done += batch.Length);
        }
        return refreshed;
    }

    /// <summary>
    /// The rows of these articles whose derived values this build derives differently, as it derives them (only the
    /// columns <see cref="SelectSql"/> reads are filled).
    /// </summary>
    internal static async Task<List<ArticleRow>> MeasureAsync(Db db, long[] articleIds, CancellationToken cancellationToken)
    {
        List<ArticleRow> stored;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            stored = [.. await connection.QueryAsync<ArticleRow>(new CommandDefinition(SelectSql, new { Ids = articleIds }, cancellationToken: cancellationToken))];
        }
        return [.. stored
            .Select(row => (Row: row, Now: ArticleText.Measure(row.Body)))
            .Where(m => m.Now.TooComplex is null) // stored before the rules it breaks: its source stands in for its text
            .Select(m => (m.Row, Refreshed: m.Row with { DerivedExcerpt = m.Now.DerivedExcerpt, CharacterCount = m.Now.CharacterCount, ReadingTimeMinutes = m.Now.ReadingTimeMinutes }))
            .Where(m => m.Refreshed != m.Row)
            .Select(m => m.Refreshed)];
    }

    /// <summary>Writes the measured rows that are still the version measured; returns how many.</summary>
    internal static Task<int> WriteAsync(Db db, TimeProvider clock, List<ArticleRow> measured, CancellationToken cancellationToken) =>
        db.WriteRetryingBusyAsync(async (connection, transaction) =>
        {
            var written = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, measured, transaction, cancellationToken: cancellationToken));
            if (written > 0)
            {
                // Else a cache revalidating by date alone is told 304 and keeps the earlier excerpt.
                await connection.ExecuteAsync(new CommandDefinition(
                    SqliteDialect.RecordRestore, new { Now = Timestamps.ToDb(clock.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
            }
            return written;
        }, cancellationToken);
}
