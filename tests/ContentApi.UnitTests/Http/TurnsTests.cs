using ContentApi.Http.Limits;
using Microsoft.AspNetCore.Http;

namespace ContentApi.UnitTests.Http;

public sealed class TurnsTests
{
    /// <summary>Records the problems written, as the app's problem details service would write them.</summary>
    private sealed class RecordedProblems : IProblemDetailsService
    {
        public List<(int? Status, string? Detail)> Written { get; } = [];

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Written.Add((context.ProblemDetails.Status, context.ProblemDetails.Detail));
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Past_the_wait_a_request_gets_503_with_Retry_After_and_a_returned_turn_is_taken_by_the_next()
    {
        var turns = new Turns(1, TimeSpan.FromMilliseconds(50));
        var problems = new RecordedProblems();
        var holder = new DefaultHttpContext();
        var waiter = new DefaultHttpContext();

        Assert.True(await turns.TakeAsync(holder, problems, "busy"));
        Assert.False(await turns.TakeAsync(waiter, problems, "busy"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, waiter.Response.StatusCode);
        Assert.Equal("5", waiter.Response.Headers.RetryAfter.ToString());
        Assert.Equal([(503, "busy")], problems.Written);
        turns.Return();
        Assert.True(await turns.TakeAsync(new DefaultHttpContext(), problems, "busy"));
    }

    [Fact]
    public async Task A_waiting_request_gets_the_turn_as_soon_as_it_is_returned()
    {
        var turns = new Turns(1, TimeSpan.FromMinutes(5));
        var problems = new RecordedProblems();
        Assert.True(await turns.TakeAsync(new DefaultHttpContext(), problems, "busy"));

        var waiting = turns.TakeAsync(new DefaultHttpContext(), problems, "busy");
        Assert.False(waiting.IsCompleted);
        turns.Return();

        Assert.True(await waiting);
        Assert.Empty(problems.Written);
    }
}
