using ContentApi.Http.Binding;
using ContentApi.Http.Lists;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Tags;

/// <summary>The body of POST (create) and PUT (replace) for a tag; PATCH merges into this shape.</summary>
/// <param name="Name" example="大型語言模型">Display name, on one line: no line breaks or tabs, no white space at either end, no byte order mark. Must show something: not only white space, zero-width or other invisible characters, or accents alone.</param>
/// <param name="Slug" example="大型語言模型">URL slug: at most 120 characters, hyphens included, and 180 UTF-8 bytes, so that it names a file: words of lowercase letters of any script (with their marks) or digits, joined by single hyphens, in Unicode NFKC but for Thai ำ and Lao ຳ, stored as the one character keyboards type (their two-character NFKC form is taken as it; the pattern checks the part of this a regular expression without Unicode classes can); derived from the name when omitted on create, kept when omitted on replace.</param>
/// <param name="Description" example="大型語言模型的發布、評測與開放權重。">Optional longer text.</param>
public sealed record TagRequest(string Name, string? Slug = null, string? Description = null);

public sealed class TagRequestValidator : AbstractValidator<TagRequest>
{
    public TagRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumCharacters(100).NoControlCharacters().SingleLine().BalancedBidiControls()
            .Must(TextRules.HasVisibleCharacter).WithMessage(TextRules.InvisibleMessage);
        RuleFor(r => r.Slug!).Slug().When(r => r.Slug is not null);
        RuleFor(r => r.Description!).MaximumCharacters(2000).NoControlCharacters().BalancedBidiControls().When(r => r.Description is not null);
    }
}

/// <summary>Query of GET /api/v1/tags.</summary>
public sealed record ListTagsQuery : IListQuery, IUpdatedRangeQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Only these slugs (comma-separated; repeating the parameter works too).</summary>
    public string? Slug { get; init; }
    /// <summary>Only tags whose name or slug contains this text, compared in NFKC ignoring case (<see cref="Data.FoldedTextScan"/>).</summary>
    public string? Q { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,name. Default: all.</summary>
    public string? Fields { get; init; }
    /// <summary>Only those last updated at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedAfter { get; init; }
    /// <summary>Only those last updated before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedBefore { get; init; }
}

/// <summary>Query of the single-tag reads.</summary>
public sealed record TagViewQuery
{
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,name. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListTagsQueryValidator : ListQueryValidator<ListTagsQuery, TagRow>
{
    public ListTagsQueryValidator() : base(TagStore.Sorts)
    {
        RuleFor(q => q.Slug).SlugList();
        RuleFor(q => q.Q).NameSearchText();
        RuleFor(q => q.Fields).FieldsOf<ListTagsQuery, TagResponse>();
        UpdatedRange.AddRules(this);
    }
}

public sealed class TagViewQueryValidator : AbstractValidator<TagViewQuery>
{
    public TagViewQueryValidator() => RuleFor(q => q.Fields).FieldsOf<TagViewQuery, TagResponse>();
}
