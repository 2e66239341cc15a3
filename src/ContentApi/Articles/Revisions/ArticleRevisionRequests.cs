using ContentApi.Http.Lists;
using FluentValidation;

namespace ContentApi.Articles.Revisions;

/// <summary>Query of GET /api/v1/articles/{id}/revisions.</summary>
public sealed record ListArticleRevisionsQuery : IListQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. version,title. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListArticleRevisionsQueryValidator : ListQueryValidator<ListArticleRevisionsQuery, ArticleRevisionRow>
{
    public ListArticleRevisionsQueryValidator() : base(ArticleRevisionStore.Sorts) =>
        RuleFor(q => q.Fields).FieldsOf<ListArticleRevisionsQuery, ArticleRevisionResponse>();
}

/// <summary>Query of GET /api/v1/articles/{id}/revisions/{version}.</summary>
public sealed record ArticleRevisionQuery
{
    /// <summary>Top-level fields to return (comma-separated), e.g. title,body. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ArticleRevisionQueryValidator : AbstractValidator<ArticleRevisionQuery>
{
    public ArticleRevisionQueryValidator() => RuleFor(q => q.Fields).FieldsOf<ArticleRevisionQuery, ArticleRequest>();
}
