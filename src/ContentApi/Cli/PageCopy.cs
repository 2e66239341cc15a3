using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ContentApi.Cli;

/// <summary>
/// SQLite's online backup of one database's pages into another, a step at a time so that a stop (Ctrl+C) is honoured
/// between steps. The destination is written in one transaction from the first step to the last, so a copy stopped or
/// failed part way leaves it as it was.
/// </summary>
internal sealed class PageCopy : IDisposable
{
    private const int PagesPerStep = 1024;
    private readonly sqlite3_backup _backup;
    private readonly SqliteConnection _destination;

    public PageCopy(SqliteConnection source, SqliteConnection destination)
    {
        _destination = destination;
        _backup = raw.sqlite3_backup_init(destination.Handle, "main", source.Handle, "main");
        if (_backup.IsInvalid)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_errcode(destination.Handle), destination.Handle);
        }
    }

    /// <summary>Takes the destination's write lock without copying anything; it is held until the copy ends.</summary>
    public void LockDestination() => SqliteException.ThrowExceptionForRC(raw.sqlite3_backup_step(_backup, 0), _destination.Handle);

    /// <summary>Every page, and the commit that makes the destination the copy.</summary>
    public void CopyAll(CancellationToken cancellationToken)
    {
        int result;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = raw.sqlite3_backup_step(_backup, PagesPerStep);
        }
        while (result == raw.SQLITE_OK);
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _destination.Handle);
        }
    }

    public void Dispose() => _backup.Dispose();
}
