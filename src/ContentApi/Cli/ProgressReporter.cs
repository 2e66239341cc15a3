using Spectre.Console;

namespace ContentApi.Cli;

/// <summary>
/// A progress bar on a terminal; plain log lines (every 10%) when the output is redirected, so CI logs
/// and files stay readable, unless <c>linesWhenRedirected</c> is false: a command whose output is a report to read
/// (import's problems and summary) writes nothing about progress then.
/// </summary>
public static class ProgressReporter
{
    public static async Task RunAsync(string description, long total, Func<Action<long>, Task> work, TextWriter output, bool linesWhenRedirected = true)
    {
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(description, maxValue: Math.Max(1, total));
                    await work(done => task.Value = done);
                });
            return;
        }
        if (!linesWhenRedirected)
        {
            await work(_ => { });
            return;
        }
        var lastDecile = -1L;
        await work(done =>
        {
            var decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile)
            {
                lastDecile = decile;
                output.WriteLine($"{description}: {done}/{total} ({(total == 0 ? 100 : done * 100 / total)}%)");
            }
        });
    }
}
