namespace ContentApi.Data;

/// <summary>
/// What the last write transactions found wrong with the database's file or disk, which readiness reports.
/// </summary>
public sealed partial class Db
{
    /// <summary>
    /// How long a write that found the disk full keeps <see cref="DiskFoundFullRecently"/> true, whatever commits
    /// meanwhile: on a nearly full disk a small write (a tag, a key's last use) fits while an article does not, and
    /// clearing at each small commit made readiness flap between Healthy and Degraded.
    /// </summary>
    public static readonly TimeSpan DiskFullHold = TimeSpan.FromMinutes(5);

    private volatile bool _lastWriteFoundDiskFull;
    private long _diskFullAt;

    /// <summary>The last write transaction failed for lack of disk space (SQLITE_FULL); false again once one commits.</summary>
    public bool LastWriteFoundDiskFull => _lastWriteFoundDiskFull;

    /// <summary>A write transaction failed for lack of disk space less than <see cref="DiskFullHold"/> ago, whatever committed since.</summary>
    public bool DiskFoundFullRecently =>
        Interlocked.Read(ref _diskFullAt) is var at and not 0 && clock.GetElapsedTime(at) < DiskFullHold;

    private volatile bool _lastWriteFoundReadOnly;

    /// <summary>The last write transaction found the database read-only (SQLITE_READONLY); false again once one commits.</summary>
    public bool LastWriteFoundReadOnly => _lastWriteFoundReadOnly;

    private volatile bool _lastWriteFoundIoError;

    /// <summary>The last write transaction failed with a disk I/O error (SQLITE_IOERR); false again once one commits.</summary>
    public bool LastWriteFoundIoError => _lastWriteFoundIoError;
}
