using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Cancellation for long statements (VACUUM INTO, an integrity check). Microsoft.Data.Sqlite looks at a token only before
/// a statement starts (its <c>SqliteCommand.Cancel</c> does nothing), so Ctrl+C would wait for the statement to end: a
/// minute or more for a large database. SQLite's progress
/// handler asks the token every few thousand instructions, also in the statements VACUUM runs inside; a non-zero answer
/// stops the statement, which rolls back and fails with SQLITE_INTERRUPT, reported here as the cancellation. (Its
/// <c>sqlite3_interrupt</c> would miss a statement that had not yet started when the token was cancelled.)
/// </summary>
public static class SqliteInterrupt
{
    private const int InstructionsPerCheck = 10_000;

    public static async Task<T> RunAsync<T>(SqliteConnection connection, Func<Task<T>> statement, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, InstructionsPerCheck, _ => cancellationToken.IsCancellationRequested ? 1 : 0, null);
        try
        {
            return await statement();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.InterruptedErrorCode && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        }
    }
}
