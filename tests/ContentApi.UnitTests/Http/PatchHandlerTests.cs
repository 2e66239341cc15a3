using ContentApi.Data;
using ContentApi.Http;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.UnitTests.Http;

public sealed class PatchHandlerTests
{
    public sealed record Thing(string Name);

    private static HttpRequest Patch(string? ifMatch)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddOptions().BuildServiceProvider() };
        context.Request.ContentType = "application/merge-patch+json";
        context.Request.Body = new MemoryStream("""{"name":"new"}"""u8.ToArray());
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }
        return context.Request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task A_patch_without_a_pinned_version_that_finds_the_resource_changed_every_time_gives_up_busy_not_412(string? ifMatch)
    {
        var version = 0L;
        var attempts = 0;
        var steps = new PatchHandler.Steps<Thing, Thing>(
            "Thing", _ => Task.FromResult<Thing?>(new Thing("old")), thing => thing, _ => ++version,
            (_, _, _) => { attempts++; return Task.FromResult<WriteOutcome<Thing>>(new WriteOutcome<Thing>.Stale(new Thing("other"))); },
            _ => Results.Ok());

        await Assert.ThrowsAsync<DatabaseBusyException>(() => PatchHandler.HandleAsync(Patch(ifMatch), new InlineValidator<Thing>(), steps, CancellationToken.None));
        Assert.Equal(64, attempts);
    }

    [Fact]
    public async Task A_patch_whose_version_if_none_match_excludes_is_answered_at_once_not_retried()
    {
        var attempts = 0;
        var version = 0L;
        // The first attempt finds a newer version than the one read (retried), the second finds it excluded.
        var steps = new PatchHandler.Steps<Thing, Thing>(
            "Thing", _ => Task.FromResult<Thing?>(new Thing("old")), thing => thing, _ => ++version,
            (_, _, _) => Task.FromResult<WriteOutcome<Thing>>(++attempts == 1 ? new WriteOutcome<Thing>.Stale(new Thing("other")) : new WriteOutcome<Thing>.Excluded(new Thing("other"))),
            outcome => Results.StatusCode(outcome is WriteOutcome<Thing>.Excluded ? 412 : 500));

        var result = await PatchHandler.HandleAsync(Patch(null), new InlineValidator<Thing>(), steps, CancellationToken.None);
        Assert.Equal(412, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_patch_with_a_pinned_version_that_is_stale_is_answered_at_once()
    {
        var attempts = 0;
        var steps = new PatchHandler.Steps<Thing, Thing>(
            "Thing", _ => Task.FromResult<Thing?>(new Thing("old")), thing => thing, _ => 1,
            (_, _, _) => { attempts++; return Task.FromResult<WriteOutcome<Thing>>(new WriteOutcome<Thing>.Stale(new Thing("other"))); },
            outcome => Results.StatusCode(412));

        var result = await PatchHandler.HandleAsync(Patch("\"1-abc\""), new InlineValidator<Thing>(), steps, CancellationToken.None);
        Assert.Equal(412, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal(1, attempts);
    }
}
