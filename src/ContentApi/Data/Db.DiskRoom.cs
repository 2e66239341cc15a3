namespace ContentApi.Data;

/// <summary>
/// Whether the disk a write found full (SQLITE_FULL) still is, judged without writing: readiness said so until a write
/// committed, and a read-mostly site whose operator had freed space stayed Degraded until its next write, however late.
/// </summary>
public sealed partial class Db
{
    /// <summary>
    /// The room the database needs again, both on its file's disk and under SQLite's page limit (either one's end is
    /// SQLITE_FULL), before a full disk counts as over without a write: 16 times the largest body a request sends by
    /// default (4 MiB), so the largest write (an article's row, its revision, its search entries) fits several times over.
    /// </summary>
    public const long RoomToWriteAgain = 64L * 1024 * 1024;

    /// <summary>
    /// The last write failed for a full disk and, for all that can be seen without writing, the disk is still full: within
    /// <see cref="DiskFullHold"/> of a write that found it so (a small write's room says nothing of an article's), or
    /// without <see cref="RoomToWriteAgain"/> on the disk or under the page limit. False once a write commits.
    /// </summary>
    public async Task<bool> StillFullAsync(CancellationToken cancellationToken) =>
        LastWriteFoundDiskFull && (DiskFoundFullRecently || !await HasRoomToWriteAsync(cancellationToken));

    private async Task<bool> HasRoomToWriteAsync(CancellationToken cancellationToken)
    {
        if (FilePath is not null && FreeBytesOnDisk(FilePath) is not >= RoomToWriteAgain)
        {
            return false;
        }
        await using var connection = await OpenAsync(cancellationToken);
        return await SqlitePageRoom.BytesAsync(connection, cancellationToken) >= RoomToWriteAgain;
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
