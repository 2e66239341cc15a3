using ContentApi.Cli;

namespace ContentApi.UnitTests.Cli;

/// <summary>The progress lines written when the output is redirected, as in CI logs (the test runner redirects it).</summary>
public sealed class ProgressReporterTests
{
    private static async Task<string[]> LinesAsync(long total, params long[] progress)
    {
        var output = new StringWriter();
        await ProgressReporter.RunAsync("Refreshing", total, report =>
        {
            foreach (var done in progress)
            {
                report(done);
            }
            return Task.CompletedTask;
        }, output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_line_gives_the_share_done_at_that_point_not_the_tenth_it_falls_in()
    {
        Assert.Equal(["Refreshing: 100/201 (49%)", "Refreshing: 200/201 (99%)", "Refreshing: 201/201 (100%)"],
            await LinesAsync(201, 100, 200, 201));
    }

    [Fact]
    public async Task One_line_a_tenth_of_the_way()
    {
        Assert.Equal(["Refreshing: 0/1000 (0%)", "Refreshing: 100/1000 (10%)", "Refreshing: 250/1000 (25%)", "Refreshing: 1000/1000 (100%)"],
            await LinesAsync(1000, 0, 10, 99, 100, 150, 250, 299, 1000));
    }

    [Fact]
    public async Task Nothing_to_do_is_done()
    {
        Assert.Equal(["Refreshing: 0/0 (100%)"], await LinesAsync(0, 0));
    }
}
