using Dapper;

namespace ContentApi.Data;

/// <summary>
/// A list filter's range of instants on one timestamp column (`updatedAfter`/`updatedBefore`, `deletedAfter`/`deletedBefore`):
/// from <c>After</c>, inclusive, to <c>Before</c>, exclusive, each rounded up to the stored microsecond.
/// </summary>
public static class InstantRange
{
    /// <summary>Adds the range's conditions on <paramref name="column"/>, with parameters named <paramref name="name"/>After and <paramref name="name"/>Before.</summary>
    public static void AddTo(List<string> conditions, DynamicParameters parameters, string column, string name, DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after is { } from)
        {
            conditions.Add($"{column} >= @{name}After");
            parameters.Add(name + "After", Timestamps.ToDbRoundedUp(from));
        }
        if (before is { } until)
        {
            conditions.Add($"{column} < @{name}Before");
            parameters.Add(name + "Before", Timestamps.ToDbRoundedUp(until));
        }
    }
}
