using ContentApi.Articles;
using ContentApi.Http.Binding;
using ContentApi.Http.Lists;
using FluentValidation;

namespace ContentApi.Search;

/// <summary>Query of GET /api/v1/search.</summary>
public sealed record SearchArticlesQuery
{
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    public string? Author { get; init; }
    public string? Tag { get; init; }
    /// <summary>Only articles by any of these authors, by id alone (comma-separated, up to 100).</summary>
    public string? AuthorId { get; init; }
    /// <summary>Only articles with any of these tags, by id alone (comma-separated, up to 100).</summary>
    public string? TagId { get; init; }
    /// <summary>Only articles showing any of these images, as their cover or in their body, by id (comma-separated, up to 100).</summary>
    public string? ImageId { get; init; }
    public string? Language { get; init; }
    public QueryInstant? PublishedAfter { get; init; }
    public QueryInstant? PublishedBefore { get; init; }
    public string? Include { get; init; }
    public string? Fields { get; init; }
}

public sealed class SearchArticlesQueryValidator : AbstractValidator<SearchArticlesQuery>
{
    public SearchArticlesQueryValidator()
    {
        // Two rules: a When() at the end of a chain also guards the rules before it, which skipped NotNull.
        RuleFor(q => q.Q).NotNull().WithMessage("Give the words to search for in q.");
        RuleFor(q => q.Q).SearchText();
        RuleFor(q => q.Limit).PageLimit().When(q => q.Limit is not null);
        // Two bounds: the one at limit=1, which the document states, and the one at the limit asked for.
        RuleFor(q => q.Page).Cascade(CascadeMode.Stop)
            .InclusiveBetween(1, SearchPages.MaxOffset).WithMessage(q => SearchPages.OutOfRange(q.Limit))
            .Must((q, page) => SearchPages.Reaches(page!.Value, q.Limit))
            .WithMessage(q => SearchPages.OutOfRange(q.Limit))
            .When(q => q.Page is not null);
        RuleFor(q => q.Cursor).Null().When(q => q.Page is not null).WithMessage("Use either cursor or page, not both.");
        RuleFor(q => q.Sort).Must(s => SearchSort.TryParse(s, false, out _)).When(q => q.Sort is not null)
            .WithMessage($"Unknown sort. Allowed: {SearchSort.Description}.");
        RuleFor(q => q.Cursor).Must((q, c) => SearchSort.TryParse(q.Sort, false, out var sort) && SearchEndpoints.TryReadCursor(c, sort, out _, out _))
            .When(q => q.Cursor is not null && q.Page is null)
            .WithMessage("Invalid cursor: pass back the nextCursor of a previous page, with the same sort.");
        RuleFor(q => q.Language).LanguageRange();
        RuleFor(q => q.Author).IdOrSlug();
        RuleFor(q => q.Tag).IdOrSlug();
        RuleFor(q => q.AuthorId).IdList("authorId", "author id");
        RuleFor(q => q.TagId).IdList("tagId", "tag id");
        RuleFor(q => q.ImageId).IdList("imageId", "image id");
        RuleFor(q => q.PublishedBefore).LaterThanPublishedAfter(q => q.PublishedAfter);
        RuleFor(q => q).ArticleView(q => (q.Include, q.Fields, (string?)null), ArticleView.SearchFieldNames);
    }
}
