using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Runs the built app in its own process, as an operator does (a command, or the server), on a given database file:
/// what it prints to stderr and its exit code are only visible this way (in-process the host's logs and the runtime's
/// crash handling differ).
/// </summary>
internal static class AppProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        /// <summary>The lines written to stderr, empty ones left out.</summary>
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    /// <summary>The server on a free port; it is expected to refuse to start (killed, and the test failed, if it serves).</summary>
    public static Task<Outcome> ServeAsync(string databasePath, string? user = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(databasePath, ["--urls", $"http://127.0.0.1:{FreePort()}"], user, environment);

    /// <param name="user">Run as this uid (through setpriv), for permission checks when the tests run as root.</param>
    /// <param name="environment">Variables set for the process besides the connection string (settings, as Section__Key).</param>
    public static Task<Outcome> RunAsync(string databasePath, string[] arguments, string? user = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(databasePath, arguments, user, environment, whileRunning: null);

    /// <summary>
    /// Runs a command and sends it <paramref name="signal"/> (2 SIGINT, 15 SIGTERM) as soon as <paramref name="stopWhen"/>
    /// holds, as Ctrl+C or a service manager would. A thread of its own polls every millisecond: a timer on the test's
    /// busy thread pool could see the moment too late, when the command has already finished.
    /// </summary>
    public static Task<Outcome> RunAndSignalAsync(string databasePath, string[] arguments, Func<bool> stopWhen, int signal) =>
        RunAsync(databasePath, arguments, user: null, environment: null, whileRunning: process => Task.Factory.StartNew(() =>
        {
            while (!process.HasExited && !stopWhen())
            {
                Thread.Sleep(1);
            }
            if (!process.HasExited)
            {
                Assert.Equal(0, SendSignal(process.Id, signal));
            }
        }, TaskCreationOptions.LongRunning));

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static async Task<Outcome> RunAsync(
        string databasePath, string[] arguments, string? user, IReadOnlyDictionary<string, string>? environment, Func<Process, Task>? whileRunning)
    {
        var start = StartInfo(databasePath, arguments, environment);
        if (user is not null && !OperatingSystem.IsWindows())
        {
            RunThrough(start, "setpriv", $"--reuid={user}", $"--regid={user}", "--clear-groups");
            // The runtime wants a home it can write to.
            var home = Path.Combine(Path.GetTempPath(), "contentapi-ops", "home-" + user);
            Directory.CreateDirectory(home);
            File.SetUnixFileMode(home, (UnixFileMode)0x1FF);
            start.Environment["HOME"] = home;
            start.Environment["DOTNET_CLI_HOME"] = home;
        }
        else if (whileRunning is not null)
        {
            // A signal test starts the app through env(1) with SIGINT's default action restored: a process inherits an
            // ignored SIGINT (as a test host run in the background has it), and then Ctrl+C never reaches the app.
            RunThrough(start, "env", "--default-signal=INT");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process).WaitAsync(timeout.Token);
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"still running after {Timeout.TotalSeconds} s (a server that started?):\n{await output}\n{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The built app with these arguments on this database file, in Production, from its content root (where
    /// appsettings.json is), with its output captured; <paramref name="environment"/> adds settings (Section__Key).
    /// </summary>
    public static ProcessStartInfo StartInfo(string databasePath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ContentApi.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references src/ContentApi, which copies it here");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ConnectionStrings__Content"] = $"Data Source={databasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>Starts the command through <paramref name="wrapper"/> and its options (setpriv, env).</summary>
    private static void RunThrough(ProcessStartInfo start, string wrapper, params string[] options)
    {
        start.ArgumentList.Insert(0, start.FileName);
        for (var i = options.Length - 1; i >= 0; i--)
        {
            start.ArgumentList.Insert(0, options[i]);
        }
        start.FileName = wrapper;
    }

    /// <summary>The dotnet host running the tests.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
