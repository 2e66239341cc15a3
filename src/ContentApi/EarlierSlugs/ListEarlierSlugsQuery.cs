using ContentApi.Http.Lists;

namespace ContentApi.EarlierSlugs;

/// <summary>Query of GET /api/v1/authors/{id}/earlier-slugs and GET /api/v1/tags/{id}/earlier-slugs.</summary>
public sealed record ListEarlierSlugsQuery : IListQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. slug. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListEarlierSlugsQueryValidator : ListQueryValidator<ListEarlierSlugsQuery, EarlierSlugRow>
{
    public ListEarlierSlugsQueryValidator() : base(EarlierSlugStore.Sorts) =>
        RuleFor(q => q.Fields).FieldsOf<ListEarlierSlugsQuery, EarlierSlugResponse>();
}
