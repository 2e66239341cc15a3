using FluentValidation;

namespace ContentApi.Http.Lists;

/// <summary>The paging and sorting parameters every list takes.</summary>
public interface IListQuery
{
    int? Limit { get; }
    string? Cursor { get; }
    int? Page { get; }
    string? Sort { get; }
}

/// <summary>Rules shared by every list's query validator.</summary>
public abstract class ListQueryValidator<TQuery, TRow> : AbstractValidator<TQuery> where TQuery : IListQuery
{
    protected ListQueryValidator(SortOptions<TRow> sorts)
    {
        RuleFor(q => q.Limit).PageLimit().When(q => q.Limit is not null);
        RuleFor(q => q.Page).PageNumber(Paging.MaxPage).When(q => q.Page is not null);
        RuleFor(q => q.Cursor).Null().When(q => q.Page is not null)
            .WithMessage("Use either cursor or page, not both.");
        RuleFor(q => q.Sort).Must(s => sorts.TryParse(s, out _)).When(q => q.Sort is not null)
            .WithMessage($"Unknown sort. Allowed: {sorts.Description}.");
        RuleFor(q => q.Cursor).Must((q, c) => sorts.TryParse(q.Sort, out var order) && Lists.Cursor.TryDecode(c!, order.Key, out var cursor) && order.Field.Accepts(cursor.Value))
            .When(q => q.Cursor is not null && q.Page is null)
            .WithMessage("Invalid cursor: pass back the nextCursor of a previous page, with the same sort.");
    }
}

/// <summary>The limit and page rules of the lists and search, so both are refused in the same words.</summary>
public static class PagingRules
{
    public static IRuleBuilderOptions<T, int?> PageLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Paging.MaxLimit).WithMessage($"Must be between 1 and {Paging.MaxLimit}.");

    public static IRuleBuilderOptions<T, int?> PageNumber<T>(this IRuleBuilder<T, int?> rule, int maxPage) =>
        rule.InclusiveBetween(1, maxPage).WithMessage($"Must be a page number from 1 to {maxPage}.");
}

public static class ListQueryExtensions
{
    /// <summary>Reads sort, cursor and limit of an already validated query.</summary>
    public static (SortOrder<TRow> Order, Cursor? After, int Limit) Paging<TRow>(this IListQuery query, SortOptions<TRow> sorts)
    {
        sorts.TryParse(query.Sort, out var order);
        Cursor? after = query.Cursor is { } text && Cursor.TryDecode(text, order.Key, out var cursor) ? cursor : null;
        return (order, after, query.Limit ?? Lists.Paging.DefaultLimit);
    }
}
