using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Text;
using FluentValidation;
using Microsoft.Extensions.Primitives;

namespace ContentApi.Http.Binding;

/// <summary>
/// Query parameters that take a list, written comma-separated (<c>include=authors,tags</c>) or, as many generated
/// clients write arrays, repeated (<c>include=authors&amp;include=tags</c>): ASP.NET binds a repeated parameter to its
/// values joined with commas, so both read the same, and so does a mix (<c>slug=a,b&amp;slug=c</c>). Any other
/// parameter given twice is a 400.
/// </summary>
public static class ListParameters
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "include", "fields", "format", "slug", "id", "tagId", "authorId", "imageId", "type", "language" };

    /// <summary>
    /// Lists that the OpenAPI document types as a string, as it did when they took one value (<c>language</c>), so that a
    /// client generated before keeps its signature; their pattern states the list.
    /// </summary>
    public static readonly IReadOnlySet<string> TypedAsText = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "language" };

    /// <summary>
    /// The items of a list parameter, without the spaces typed around commas (<c>authors, tags</c>); empty ones are left
    /// out (<c>include=</c> names none). Only spaces: any other white space, such as U+0085 (a control) or a no-break
    /// space, stays part of the item, which then names nothing.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string[]? Items(string? text) =>
        text?.Split(',').Select(item => item.Trim(' ')).Where(item => item.Length > 0).ToArray();

    public const string EmptyItemMessage = "Separate the items with commas, and leave none empty (as in a,,b).";

    /// <summary>
    /// A list of two or more items, one of them empty (<c>a,,b</c>, a comma at either end, <c>slug=a&amp;slug=</c>), read
    /// from the raw values: ASP.NET drops an empty one when it joins repeats. A list empty as a whole (include=) means none.
    /// </summary>
    public static bool HasEmptyItem(StringValues values)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',')).ToList();
        return items.Count > 1 && items.Any(item => item.Trim(' ').Length == 0);
    }
}

public static class ListParameterRules
{
    /// <summary>
    /// An id filter (<paramref name="parameter"/>: articles' <c>id</c>, or their <c>tagId</c> and <c>authorId</c>, with
    /// <paramref name="noun"/> saying what they are ids of, as "tag id"): at least one and at most <see cref="Paging.MaxIds"/> ids, each written as a
    /// path's id is (<see cref="RouteIdCheck"/>); a bad one is named. Empty items are refused with every list, as for slugs.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> IdList<T>(this IRuleBuilder<T, string?> rule, string parameter = "id", string noun = "id") =>
        rule.Custom((ids, context) => RefuseEach(CountedItems(ids, noun, parameter, Paging.MaxIds, context), context,
            item => RouteIdCheck.Refusal(item) is { } refusal ? $"'{Echoed.Cut(item)}' is no id. {refusal}" : null));

    /// <summary>The ids of a valid id filter (<see cref="IdList{T}"/>), or null without one.</summary>
    public static long[]? Ids(string? ids) =>
        ListParameters.Items(ids)?.Select(item => long.Parse(item, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// The <c>slug</c> filter of articles, authors and tags: not empty (it could match nothing; an empty item among others is
    /// refused with every list, by <see cref="UnknownQueryParameterFilter"/>), at most <see cref="Paging.MaxSlugs"/>,
    /// and none in capitals (<see cref="SlugCase"/>), which would be absent, silently; a bad one is named.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> SlugList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((slugs, context) => RefuseEach(CountedItems(slugs, "slug", "slug", Paging.MaxSlugs, context), context,
            item => SlugCase.LowercaseOf(item) is { } lowercase ? $"'{Echoed.Cut(item)}': {SlugCase.Refusal(lowercase)}" : null));

    /// <summary>
    /// A failure for each distinct item <paramref name="refusal"/> refuses: every item judged (one past the first
    /// <see cref="Problems.MaxFieldsListed"/> went unjudged, and an id list then parsed it: a 500), only the messages capped.
    /// </summary>
    private static void RefuseEach<T>(IEnumerable<string> items, ValidationContext<T> context, Func<string, string?> refusal)
    {
        foreach (var message in items.Distinct(StringComparer.Ordinal).Select(refusal).OfType<string>().Take(Problems.MaxFieldsListed))
        {
            context.AddFailure(message);
        }
    }

    /// <summary>The items of a list filter (none when it is not given), with a failure when there are none or more than <paramref name="max"/>.</summary>
    private static string[] CountedItems<T>(string? list, string name, string parameter, int max, ValidationContext<T> context)
    {
        if (ListParameters.Items(list) is not { } items)
        {
            return [];
        }
        if (items.Length == 0)
        {
            context.AddFailure($"Name at least one {name}: {parameter}= is empty.");
        }
        else if (items.Length > max)
        {
            context.AddFailure($"At most {max} {name}s.");
        }
        return items;
    }
}
