using ContentApi.Articles;
using ContentApi.Http.Binding;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using ContentApi.Http.Lists;
using FluentValidation;

namespace ContentApi.Deletions;

/// <summary>Query of GET /api/v1/deletions.</summary>
public sealed record ListDeletionsQuery : IListQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Only entries of these kinds of resource: article, author, tag, image (comma-separated).</summary>
    public string? Type { get; init; }
    /// <summary>Only entries recorded at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? DeletedAfter { get; init; }
    /// <summary>Only entries recorded before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? DeletedBefore { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. type,id. Default: all.</summary>
    public string? Fields { get; init; }

    /// <summary>The kinds <see cref="Type"/> names, or null without it (of a validated query).</summary>
    public IReadOnlyList<DeletionType>? Types => ListParameters.Items(Type)?.Select(DeletionTypes.Parse).Distinct().ToArray();
}

public static class DeletionTypes
{
    public static readonly IReadOnlyList<string> Names = EnumValuesConverter.ValuesOf(typeof(DeletionType));

    public static DeletionType Parse(string name) => Enum.Parse<DeletionType>(name, ignoreCase: true);
}

public sealed class ListDeletionsQueryValidator : ListQueryValidator<ListDeletionsQuery, DeletionRow>
{
    public ListDeletionsQueryValidator() : base(DeletionStore.Sorts)
    {
        RuleFor(q => q.Type).Custom((text, context) =>
        {
            if (ListParameters.Items(text) is not { } items)
            {
                return;
            }
            if (items.Length == 0)
            {
                context.AddFailure("Name at least one type: type= is empty.");
            }
            foreach (var unknown in items.Where(item => !DeletionTypes.Names.Contains(item, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
            {
                context.AddFailure($"Unknown type '{Echoed.Cut(unknown)}'. Allowed: {string.Join(", ", DeletionTypes.Names)} (comma-separated).");
            }
        });
        RuleFor(q => q.DeletedBefore).LaterThan(q => q.DeletedAfter, "deletedAfter");
        RuleFor(q => q.Fields).FieldsOf<ListDeletionsQuery, DeletionResponse>();
    }
}
