using Dapper;

namespace ContentApi.Data;

/// <summary>
/// Whether the disk a write found full (SQLITE_FULL) still is, judged without writing: readiness said so until a write
/// committed, and a read-mostly site whose operator had freed space stayed Degraded until its next write, however late.
/// </summary>
public sealed partial class Db
{
    /// <summary>The least room that ends a full disk without a write (see <see cref="RoomToWriteAgain"/>).</summary>
    public const long LeastRoomToWriteAgain = 64L * 1024 * 1024;

    private long _diskFullFailures;
    private long _roomSeenAfterFailure;

    /// <summary>
    /// The room the database needs again, both on its file's disk and under SQLite's page limit (either one's end is
    /// SQLITE_FULL), before a full disk counts as over without a write: 16 bodies of the largest size the server takes
    /// (<paramref name="maxBodyBytes"/>), so the largest write (an article's row, its revision, its search entries) fits
    /// several times over; at least <see cref="LeastRoomToWriteAgain"/>.
    /// </summary>
    public static long RoomToWriteAgain(long maxBodyBytes) =>
        maxBodyBytes > long.MaxValue / 16 ? long.MaxValue : Math.Max(LeastRoomToWriteAgain, 16 * maxBodyBytes);

    /// <summary>
    /// The last write failed for a full disk and, for all that can be seen without writing, the disk is still full: within
    /// <see cref="DiskFullHold"/> of a write that found it so (a small write's room says nothing of an article's), or
    /// without <paramref name="roomNeeded"/> on the disk or under the page limit. False once a write commits, and once
    /// that room has been seen after the hold, until a write finds the disk full again: measured at every probe, a disk
    /// hovering at the threshold (logs rotating beside the database) made readiness flap long after the failure.
    /// </summary>
    public async Task<bool> StillFullAsync(long roomNeeded, CancellationToken cancellationToken)
    {
        // The flag before the count, as a failing write counts before it sets the flag: a probe never takes a failure
        // it has not counted for one whose room it saw.
        if (!LastWriteFoundDiskFull)
        {
            return false;
        }
        var failure = Interlocked.Read(ref _diskFullFailures);
        if (Interlocked.Read(ref _roomSeenAfterFailure) == failure)
        {
            return false;
        }
        if (DiskFoundFullRecently || !await HasRoomToWriteAsync(roomNeeded, cancellationToken))
        {
            return true;
        }
        Interlocked.Exchange(ref _roomSeenAfterFailure, failure);
        return false;
    }

    private async Task<bool> HasRoomToWriteAsync(long roomNeeded, CancellationToken cancellationToken)
    {
        if (FilePath is not null && (FreeBytesOnDisk(FilePath) ?? 0) < roomNeeded)
        {
            return false;
        }
        await using var connection = await OpenAsync(cancellationToken);
        var pages = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadPageCount, cancellationToken: cancellationToken));
        var maxPages = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadMaxPageCount, cancellationToken: cancellationToken));
        var pageSize = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadPageSize, cancellationToken: cancellationToken));
        return Math.Max(0, maxPages - pages) * pageSize >= roomNeeded;
    }

    /// <summary>
    /// What the disk of <paramref name="path"/> has free for this process (statvfs's available blocks: not those kept
    /// for root); null when it cannot be told, which is no sign of room.
    /// </summary>
    private static long? FreeBytesOnDisk(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).AvailableFreeSpace;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
