using System.Data.Common;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Data;

/// <summary>The filters the author and tag lists share.</summary>
public interface INamedListFilter
{
    IReadOnlyList<string>? Slugs { get; }

    /// <summary>Only those whose name or slug holds this text (<see cref="FoldedTextScan"/>).</summary>
    string? Q { get; }

    /// <summary>Only those published content names (anonymous callers).</summary>
    bool PubliclyShownOnly { get; }

    DateTimeOffset? UpdatedAfter { get; }

    DateTimeOffset? UpdatedBefore { get; }
}

internal static class NamedListConditions
{
    /// <summary>
    /// The conditions of a page of authors or tags (<paramref name="alias"/> of <paramref name="table"/>), visible up to
    /// <paramref name="now"/>: slugs are matched as stored in any spelling the lookups take.
    /// </summary>
    public static async Task<(List<string> Conditions, DynamicParameters Parameters)> OfAsync(
        DbConnection connection, INamedListFilter filter, SluggedTable owners, string table, string alias, string publiclyShown, string now, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = ListTotals.ParametersVisibleAt(now);
        if (filter.PubliclyShownOnly)
        {
            conditions.Add(publiclyShown);
        }
        if (filter.Slugs is { Count: > 0 } slugs)
        {
            // An earlier slug finds the one it leads to, listed with its current slug, as the lookup by slug redirects to it.
            var (aliases, owner) = SlugAliases.Of(owners);
            conditions.Add($"({alias}.slug IN @Slugs OR {alias}.id IN (SELECT l.{owner} FROM {aliases} l WHERE l.slug IN @Slugs))");
            parameters.Add("Slugs", await Slugs.ListSpellingsAsync(slugs, async spellings => await connection.QueryAsync<string>(
                new CommandDefinition($"SELECT slug FROM {table} WHERE slug IN @Slugs UNION ALL SELECT slug FROM {aliases} WHERE slug IN @Slugs",
                    new { Slugs = spellings }, cancellationToken: cancellationToken))));
        }
        InstantRange.AddTo(conditions, parameters, $"{alias}.updated_at", "Updated", filter.UpdatedAfter, filter.UpdatedBefore);
        if (filter.Q is { } q)
        {
            conditions.Add(FoldedTextScan.Condition($"{alias}.search_key"));
            parameters.Add("Needle", FoldedTextScan.Needle(q));
        }
        return (conditions, parameters);
    }
}
