using ContentApi.Data;
using ContentApi.Http.Writes;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.UnitTests.Http;

public sealed class PatchHandlerTests
{
    public sealed record Thing(string Name);

    /// <summary>A stored thing at a version; it has no modification date.</summary>
    public sealed record ThingRow(string Name, long Version) : IVersioned
    {
        public long Id => 1;

        public DateTimeOffset? ModifiedAt => null;
    }

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
        var steps = new PatchHandler.Steps<ThingRow, Thing>(
            "Thing", _ => Task.FromResult<ThingRow?>(new ThingRow("old", ++version)), row => new Thing(row.Name),
            (_, _, _) => { attempts++; return Task.FromResult<WriteOutcome<ThingRow>>(new WriteOutcome<ThingRow>.Stale(new ThingRow("other", 0))); },
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
        var steps = new PatchHandler.Steps<ThingRow, Thing>(
            "Thing", _ => Task.FromResult<ThingRow?>(new ThingRow("old", ++version)), row => new Thing(row.Name),
            (_, _, _) => Task.FromResult<WriteOutcome<ThingRow>>(++attempts == 1 ? new WriteOutcome<ThingRow>.Stale(new ThingRow("other", 0)) : new WriteOutcome<ThingRow>.Excluded(new ThingRow("other", 0))),
            outcome => Results.StatusCode(outcome is WriteOutcome<ThingRow>.Excluded ? 412 : 500));

        var result = await PatchHandler.HandleAsync(Patch(null), new InlineValidator<Thing>(), steps, CancellationToken.None);
        Assert.Equal(412, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_patch_whose_if_match_version_moved_on_is_412_without_another_write()
    {
        var (attempts, loads) = (0, 0L);
        // Read at version 1, which If-Match names; the write finds version 2.
        var steps = new PatchHandler.Steps<ThingRow, Thing>(
            "Thing", _ => Task.FromResult<ThingRow?>(new ThingRow("old", ++loads)), row => new Thing(row.Name),
            (_, _, _) => { attempts++; return Task.FromResult<WriteOutcome<ThingRow>>(new WriteOutcome<ThingRow>.Stale(new ThingRow("other", 0))); },
            outcome => Results.StatusCode(outcome is WriteOutcome<ThingRow>.Stale ? 412 : 500));

        var result = await PatchHandler.HandleAsync(Patch("\"1\""), new InlineValidator<Thing>(), steps, CancellationToken.None);
        Assert.Equal(412, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_patch_is_written_pinned_to_the_version_it_was_merged_onto_even_when_if_match_allows_others()
    {
        var loads = 0L;
        var pinned = new List<IReadOnlyList<long>>();
        // If-Match allows versions 1 and 2; the patch is merged onto 1, another write makes 2, so the write pinned to 1
        // is refused and the patch is merged again onto 2. Writing the merge onto 1 over 2 would undo that other write.
        var steps = new PatchHandler.Steps<ThingRow, Thing>(
            "Thing", _ => Task.FromResult<ThingRow?>(new ThingRow("old", ++loads)), row => new Thing(row.Name),
            (_, preconditions, _) =>
            {
                pinned.Add(preconditions.Versions);
                return Task.FromResult<WriteOutcome<ThingRow>>(pinned.Count == 1 ? new WriteOutcome<ThingRow>.Stale(new ThingRow("other", 0)) : new WriteOutcome<ThingRow>.Saved(new ThingRow("new", 0)));
            },
            outcome => Results.StatusCode(outcome is WriteOutcome<ThingRow>.Saved ? 200 : 500));

        var result = await PatchHandler.HandleAsync(Patch("\"1\", \"2\""), new InlineValidator<Thing>(), steps, CancellationToken.None);
        Assert.Equal(200, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal([[1L], [2L]], pinned);
    }
}
