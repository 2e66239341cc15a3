using System.Diagnostics.CodeAnalysis;
using ContentApi.Http.Lists;
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
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "include", "fields", "format", "slug" };

    /// <summary>The items of a list parameter, trimmed; empty ones are left out (<c>include=</c> names none).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string[]? Items(string? text) => text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public const string EmptyItemMessage = "Separate the items with commas, and leave none empty (as in a,,b).";

    /// <summary>
    /// A list of two or more items, one of them empty (<c>a,,b</c>, a comma at either end, <c>slug=a&amp;slug=</c>), read
    /// from the raw values: ASP.NET drops an empty one when it joins repeats. A list empty as a whole (include=) means none.
    /// </summary>
    public static bool HasEmptyItem(StringValues values)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',')).ToList();
        return items.Count > 1 && items.Any(string.IsNullOrWhiteSpace);
    }
}

public static class ListParameterRules
{
    /// <summary>
    /// The <c>slug</c> filter of authors and tags: not empty (it could match nothing; an empty item among others is
    /// refused with every list, by <see cref="UnknownQueryParameterFilter"/>), and at most <see cref="Paging.MaxSlugs"/>.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> SlugList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((slugs, context) =>
        {
            if (slugs is null)
            {
                return;
            }
            if (string.IsNullOrWhiteSpace(slugs))
            {
                context.AddFailure("Name at least one slug: slug= is empty.");
            }
            else if (ListParameters.Items(slugs).Length > Paging.MaxSlugs)
            {
                context.AddFailure($"At most {Paging.MaxSlugs} slugs.");
            }
        });
}
