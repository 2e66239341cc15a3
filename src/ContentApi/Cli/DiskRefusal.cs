namespace ContentApi.Cli;

/// <summary>
/// Why a disk refused a command's write, in the command's words. .NET reports it in the OS's, naming the file being
/// written, often a temporary one the operator never gave: "Read-only file system : '/ro/backup-e2540aeb.partial'".
/// </summary>
internal static class DiskRefusal
{
    public const string Full = "its disk is full (free space on it, or choose a path on another disk)";

    public const string ReadOnly = "its disk is read-only (remount it writable, or choose a path on another disk)";

    /// <summary>
    /// <see cref="Full"/> or <see cref="ReadOnly"/> for a write refused so; null for any other failure. .NET has no
    /// exception type of its own for either, and gives the OS's error number as the HResult: ENOSPC and EROFS on Linux and
    /// macOS, ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL and ERROR_WRITE_PROTECT on Windows.
    /// </summary>
    public static string? Reason(Exception exception) => exception switch
    {
        IOException { HResult: 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) } => Full,
        IOException { HResult: 30 or unchecked((int)0x80070013) } => ReadOnly,
        _ => null,
    };
}
