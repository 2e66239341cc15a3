using System.Runtime.InteropServices;

namespace ContentApi.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel a command's token, so the command can stop and remove what it had half written (a
/// backup's partial snapshot, a restore's staged copy). System.CommandLine's own handling is not enough here: it listens
/// only once the action has returned its task, and the commands run synchronously (Microsoft.Data.Sqlite's async methods
/// do) until their end, so until then the signal ended the process on the spot. A second signal ends it at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code for the signal that stopped the command: 128 + its number, as a shell reports it.</summary>
    public int ExitCode { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return; // the second: not cancelled, so the runtime ends the process
        }
        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }
}
