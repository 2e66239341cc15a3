using System.Runtime.InteropServices;

namespace ContentApi.Cli;

/// <summary>
/// A file-size limit (ulimit -f, systemd's LimitFSIZE) sends SIGXFSZ to a process writing past it, and its default
/// action ended the server (its WAL at the limit) or a command on the spot, with no line said. Cancelled, the signal is
/// ignored and the write fails instead (EFBIG): SQLite reports it as a disk I/O error, which the server answers with 503
/// and a command with its error line.
/// </summary>
internal static class FileSizeLimitSignal
{
    /// <summary>SIGXFSZ on Linux; PosixSignal names only the signals every Unix numbers alike, and the runtime takes a raw number.</summary>
    private const int SigXfsz = 25;

    /// <summary>
    /// Never disposed: the runtime hands a signal to the registrations on a thread of its own a moment after it came, and
    /// one that finds none then takes its default action, which ended a backup that had already said why it failed.
    /// </summary>
    private static PosixSignalRegistration? _ignored;

    /// <summary>Ignores SIGXFSZ for the rest of the process's life (on Linux, where it has that number).</summary>
    public static void Ignore()
    {
        if (OperatingSystem.IsLinux())
        {
            _ignored ??= PosixSignalRegistration.Create((PosixSignal)SigXfsz, context => context.Cancel = true);
        }
    }
}
