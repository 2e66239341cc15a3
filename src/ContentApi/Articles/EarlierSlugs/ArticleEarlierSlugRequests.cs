using ContentApi.EarlierSlugs;
using ContentApi.Http.Lists;

namespace ContentApi.Articles.EarlierSlugs;

/// <summary>Query of GET /api/v1/articles/{id}/earlier-slugs.</summary>
public sealed record ListArticleEarlierSlugsQuery : IListQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. slug. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListArticleEarlierSlugsQueryValidator : ListQueryValidator<ListArticleEarlierSlugsQuery, ArticleEarlierSlugRow>
{
    public ListArticleEarlierSlugsQueryValidator() : base(EarlierSlugStore.ArticleSorts) =>
        RuleFor(q => q.Fields).FieldsOf<ListArticleEarlierSlugsQuery, ArticleEarlierSlugResponse>();
}
