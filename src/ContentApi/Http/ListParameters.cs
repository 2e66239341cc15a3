using System.Diagnostics.CodeAnalysis;
using FluentValidation;

namespace ContentApi.Http;

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

    /// <summary>Whether the list holds an empty item: <c>a,,b</c>, a comma at either end, or nothing at all.</summary>
    public static bool HasEmptyItem(string text) => text.Split(',').Any(string.IsNullOrWhiteSpace);
}

public static class ListParameterRules
{
    public const string EmptySlugMessage = "Separate slugs with commas, and leave none empty (as in a,,b or slug=).";

    /// <summary>The <c>slug</c> filter of authors and tags: no empty slug (it could match nothing), and at most <see cref="Paging.MaxSlugs"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> SlugList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((slugs, context) =>
        {
            if (slugs is null)
            {
                return;
            }
            if (ListParameters.HasEmptyItem(slugs))
            {
                context.AddFailure(EmptySlugMessage);
            }
            else if (ListParameters.Items(slugs).Length > Paging.MaxSlugs)
            {
                context.AddFailure($"At most {Paging.MaxSlugs} slugs.");
            }
        });
}
