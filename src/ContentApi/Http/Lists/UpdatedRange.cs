using ContentApi.Articles;
using ContentApi.Http.Binding;
using ContentApi.OpenApi;
using FluentValidation;

namespace ContentApi.Http.Lists;

/// <summary>A list query that bounds its items' <c>updatedAt</c> (<c>updatedAfter</c> inclusive, <c>updatedBefore</c> exclusive), as a syncing client asks.</summary>
public interface IUpdatedRangeQuery
{
    QueryInstant? UpdatedAfter { get; }
    QueryInstant? UpdatedBefore { get; }
}

public static class UpdatedRange
{
    /// <summary>updatedBefore, when given with updatedAfter, is later than it.</summary>
    public static void AddRules<T>(AbstractValidator<T> validator) where T : IUpdatedRangeQuery =>
        validator.RuleFor(q => q.UpdatedBefore).LaterThan(q => q.UpdatedAfter, "updatedAfter");

    /// <summary>The two parameters' descriptions for a list of <paramref name="items"/> (authors, tags, images), whose visibility to anonymous callers follows articles.</summary>
    public static RouteHandlerBuilder UpdatedRangeOf(this RouteHandlerBuilder builder, string items) => builder
        .WithMetadata(new ParameterDescriptionMetadata("updatedAfter",
            $"Only {items} last updated at or after this instant, read like an article list's `publishedAfter` (RFC 3339 with an offset, a date, or a date-time without an offset read as UTC; NSwag writes it so, dropping offset and fractions: pass UTC): what a syncing client asks, with the newest `updatedAt` it has seen and `sort=updatedAt`. " +
            $"Only an edit of one moves its `updatedAt`: anonymous callers see {items} while a live article shows them, so one newly shown is found through the articles' own `updatedAfter` (it comes embedded in them), and one no longer shown is in `GET /api/v1/deletions` as `withdrawn`."))
        .WithMetadata(new ParameterDescriptionMetadata("updatedBefore", $"Only {items} last updated before this instant; read like updatedAfter, and later than it."));
}
