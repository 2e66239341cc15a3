using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Whether the database's path still names the file the server opened at start. A file deleted, moved, or replaced
/// (deleted and made again by another process, or another file moved over it) under the running server is not the
/// server's any more: its connections would go on writing into the old file, lost at the next restart, while other
/// instances serve the new one. Once that is seen it is remembered: only a restart opens the file at the path again.
/// </summary>
internal sealed partial class DatabaseFileWatch(string? path) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _opened;
    private volatile bool _gone;

    /// <summary>
    /// Holds the file now at the path open, to compare the path with later. Held, its inode cannot be freed and its
    /// number given to a new file at the path, which would then look like the same file. A read-only connection that
    /// never runs a statement: it takes no lock and creates nothing.
    /// </summary>
    public void Pin()
    {
        if (path is null)
        {
            return;
        }
        lock (_lock)
        {
            if (_opened is not null)
            {
                return;
            }
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            try
            {
                connection.Open();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
            _opened = connection;
        }
    }

    /// <summary>
    /// True while the path names no file, and for good once it names another file than the one the server opened. A
    /// missing file is checked again each time, not remembered: File.Exists is also false on a passing permission or
    /// network error, which would otherwise refuse every write and key until a restart.
    /// </summary>
    public bool IsGone
    {
        get
        {
            if (_gone || path is null)
            {
                return _gone;
            }
            if (!File.Exists(path))
            {
                return true;
            }
            _gone = HasMoved();
            return _gone;
        }
    }

    /// <summary>
    /// SQLite's own check (SQLITE_FCNTL_HAS_MOVED): the path's inode against the one its connection opened, on Unix.
    /// Where SQLite cannot tell (Windows, which does not let an open database file be deleted or replaced anyway; an
    /// unpinned watch, as in admin commands), false, and only a missing file counts.
    /// </summary>
    private bool HasMoved()
    {
        lock (_lock)
        {
            if (_opened?.Handle is not { } handle)
            {
                return false;
            }
            var moved = 0;
            try
            {
                return FileControl(handle.DangerousGetHandle(), "main", HasMovedOperation, ref moved) == 0 && moved != 0;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _opened?.Dispose();
            _opened = null;
        }
    }

    private const int HasMovedOperation = 20; // SQLITE_FCNTL_HAS_MOVED

    /// <summary>sqlite3_file_control, which SQLitePCLRaw does not expose; the same native library Microsoft.Data.Sqlite loads.</summary>
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_file_control", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static partial int FileControl(IntPtr db, string schema, int operation, ref int result);
}
