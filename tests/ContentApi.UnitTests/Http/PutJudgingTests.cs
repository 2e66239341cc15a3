using ContentApi.Data;
using ContentApi.Http.Binding;
using ContentApi.Http.Writes;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// A PUT body that fails validation only for values it restates from the resource as stored is written, pinned to the
/// version it was judged against (<see cref="ValidationFilter"/>, <see cref="PreconditionsFirst"/>): as a PATCH is.
/// </summary>
public sealed class PutJudgingTests
{
    public sealed record Thing(string Name, string Note);

    public sealed record ThingRow(string Name, long Version) : IVersioned
    {
        public long Id => 1;

        public DateTimeOffset? ModifiedAt => null;
    }

    private const string OldStyle = "old-style";

    /// <summary>A rule added after <see cref="OldStyle"/> was stored.</summary>
    private static readonly InlineValidator<Thing> Validator = new() { v => v.RuleFor(t => t.Name).NotEqual(OldStyle).WithMessage("No longer a name.") };

    /// <summary>
    /// A PUT of <paramref name="body"/> through the filter, to a resource each read finds as <paramref name="stored"/>
    /// makes it (by the number of the read) and each write as <paramref name="written"/> does (by the number of the write).
    /// </summary>
    private sealed class Put(Thing body, Func<int, ThingRow> stored, Func<int, ThingRow> written)
    {
        public int Loads { get; private set; }

        public List<WritePreconditions> Writes { get; } = [];

        public async Task<int> StatusAsync()
        {
            var http = new DefaultHttpContext
            {
                RequestServices = new ServiceCollection().AddOptions().AddSingleton<IValidator<Thing>>(Validator).BuildServiceProvider(),
            };
            http.Request.Method = HttpMethods.Put;
            http.Request.RouteValues["id"] = "1";
            http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(PreconditionsFirst.For<ThingRow, Thing>(
                (_, _, _) => Task.FromResult<ThingRow?>(stored(++Loads)), row => new Thing(row.Name, "stored"), (_, _) => Results.StatusCode(412))), "PUT"));
            var result = await new ValidationFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http, 1L, body), async context =>
                await WritePreconditions.ThenAsync(context.HttpContext.Request, preconditions =>
                {
                    Writes.Add(preconditions);
                    return Task.FromResult(preconditions.Refuse(written(Writes.Count), out var refusal)
                        ? Results.StatusCode(refusal is WriteOutcome<ThingRow>.Stale ? 412 : 500) : Results.Ok());
                }));
            return Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode!.Value;
        }
    }

    [Fact]
    public async Task A_valid_body_is_written_without_reading_the_resource_first()
    {
        var put = new Put(new Thing("fine", "edited"), _ => throw new InvalidOperationException("read"), _ => new ThingRow(OldStyle, 1));

        Assert.Equal(200, await put.StatusAsync());
        Assert.Equal(0, put.Loads);
        Assert.Null(Assert.Single(put.Writes).Judged);
    }

    [Fact]
    public async Task A_body_restating_a_value_stored_before_the_rule_is_written_pinned_to_the_version_judged()
    {
        var put = new Put(new Thing(OldStyle, "edited"), _ => new ThingRow(OldStyle, 1), _ => new ThingRow(OldStyle, 1));

        Assert.Equal(200, await put.StatusAsync());
        Assert.Equal(1, put.Loads);
        Assert.Equal(1, Assert.Single(put.Writes).Judged!.Version);
    }

    [Fact]
    public async Task A_body_giving_the_refused_value_to_a_resource_that_does_not_store_it_is_400()
    {
        var put = new Put(new Thing(OldStyle, "edited"), _ => new ThingRow("fine", 1), _ => new ThingRow("fine", 1));

        Assert.Equal(400, await put.StatusAsync());
        Assert.Empty(put.Writes);
    }

    [Fact]
    public async Task A_body_judged_against_a_version_another_write_replaced_is_judged_again_against_the_newer_one()
    {
        // Judged against version 1; the write finds 2 (which still stores the value), is refused, and the body is
        // judged again against 2 and written.
        var put = new Put(new Thing(OldStyle, "edited"), read => new ThingRow(OldStyle, read), _ => new ThingRow(OldStyle, 2));

        Assert.Equal(200, await put.StatusAsync());
        Assert.Equal(2, put.Loads);
        Assert.Equal([1L, 2L], put.Writes.Select(w => w.Judged!.Version));
    }

    [Fact]
    public async Task A_body_restating_a_value_the_newer_version_no_longer_stores_is_400()
    {
        var put = new Put(new Thing(OldStyle, "edited"), read => read == 1 ? new ThingRow(OldStyle, 1) : new ThingRow("fine", 2), _ => new ThingRow("fine", 2));

        Assert.Equal(400, await put.StatusAsync());
        Assert.Single(put.Writes);
    }

    [Fact]
    public async Task A_body_overtaken_on_every_attempt_gives_up_busy_not_412()
    {
        var put = new Put(new Thing(OldStyle, "edited"), read => new ThingRow(OldStyle, read), write => new ThingRow(OldStyle, write + 1));

        await Assert.ThrowsAsync<DatabaseBusyException>(put.StatusAsync);
        Assert.Equal(64, put.Writes.Count);
    }
}
