using System.Text.RegularExpressions;
using ContentApi.Http.Binding;
using ContentApi.Http.Errors;
using ContentApi.Search;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Articles;

/// <summary>Validation rules that the article list, the single-article reads and search share.</summary>
public static partial class ArticleQueryRules
{
    /// <summary>include, fields (from <paramref name="fieldNames"/>) and format, each error keyed by its parameter.</summary>
    public static IRuleBuilderOptionsConditions<T, T> ArticleView<T>(
        this IRuleBuilder<T, T> rule, Func<T, (string? Include, string? Fields, string? Format)> parameters, IReadOnlyList<string> fieldNames) =>
        rule.Custom((query, context) =>
        {
            var (include, fields, format) = parameters(query);
            foreach (var (field, messages) in Articles.ArticleView.Validate(include, fields, format, fieldNames))
            {
                context.AddFailure(field, messages[0]);
            }
        });

    /// <summary>
    /// The author or tag filter: one id or slug, so never empty, never a list and never in capitals (each would match
    /// nothing, silently: no slug holds a comma or a capital, and <c>tag=a,b</c> read as a list elsewhere in the API).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> IdOrSlug<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).Must(value => value is null || !string.IsNullOrWhiteSpace(value)).WithMessage("Must be an id or a slug; it is empty.")
            .Must(value => value is null || !value.Contains(',', StringComparison.Ordinal))
            .WithMessage("Must be one id or slug; no slug holds a comma, so a list such as 'a,b' is not a filter.")
            .Must(value => value is null || SlugCase.LowercaseOf(value) is null).WithMessage((_, value) => SlugCase.Refusal(SlugCase.LowercaseOf(value!)!))
            .MaximumCharacters(200);

    /// <summary>
    /// A search text the analyzer can turn into a query (the message says what is wrong with it), without control
    /// characters but tabs and line breaks, as every text the API takes: one inside a word split it, and found nothing.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> SearchText<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(SearchQuery.MaxLength).WithMessage(SearchQuery.TooLongMessage).NoControlCharacters().Custom((text, context) =>
        {
            if (text is not null && SearchQuery.Parse(text).Error is { } error)
            {
                context.AddFailure(error);
            }
        });

    /// <summary>The end of the publishedAt range (publishedBefore) after its start (publishedAfter), when both are given.</summary>
    public static IRuleBuilderOptions<T, QueryInstant?> LaterThanPublishedAfter<T>(this IRuleBuilderInitial<T, QueryInstant?> rule, Func<T, QueryInstant?> publishedAfter) =>
        rule.LaterThan(publishedAfter, "publishedAfter");

    /// <summary>The end of a range of instants after its start (the parameter <paramref name="startName"/>), when both are given.</summary>
    public static IRuleBuilderOptions<T, QueryInstant?> LaterThan<T>(this IRuleBuilderInitial<T, QueryInstant?> rule, Func<T, QueryInstant?> start, string startName) =>
        rule.Must((query, end) => end is not { } last || start(query) is not { } first || last.Value > first.Value)
            .WithMessage($"Must be later than {startName}.");

    /// <summary>The createdBy or updatedBy filter: a key's name, so never empty (that would match nothing, silently).</summary>
    public static IRuleBuilderOptions<T, string?> EditorName<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).Must(value => value is null || !string.IsNullOrWhiteSpace(value)).WithMessage("Must be the name of an API key; it is empty.")
            .MaximumCharacters(200);

    /// <summary>A BCP 47 tag: as a pattern and a length, so that the OpenAPI document states both.</summary>
    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilderInitial<T, string?> rule, string message) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(LanguageTags.MaxLength).WithMessage(message)
            .Matches(LanguageTags.Pattern).WithMessage(message);

    /// <summary>
    /// A list's language filter: RFC 4647 basic ranges, each a tag or <c>*</c> (every language, alone), comma-separated
    /// (a repeated parameter reads the same), at most <see cref="LanguageRanges.MaxCount"/>; as a pattern and a length,
    /// so that the OpenAPI document states both, and a message naming the range that is wrong.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> LanguageRange<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(LanguageRanges.MaxListLength).WithMessage((_, list) => LanguageListRefusal(list) ?? LanguageRangeMessage)
            .Matches(LanguageRangeListPattern).WithMessage((_, list) => LanguageListRefusal(list) ?? LanguageRangeMessage)
            .Must(list => LanguageListRefusal(list) is null).WithMessage((_, list) => LanguageListRefusal(list)!);

    /// <summary>Ranges (<see cref="LanguageTags.RangePattern"/>) parted by commas, with the spaces typed around them.</summary>
    public static readonly string LanguageRangeListPattern =
        $"^ *{LanguageTags.RangePattern[1..^2]}( *, *{LanguageTags.RangePattern[1..^2]})* *\\z";

    /// <summary>Why a language filter is refused, or null: no range, too many, one that is no range (named), or * beside others.</summary>
    public static string? LanguageListRefusal(string? list)
    {
        if (ListParameters.Items(list) is not { } ranges)
        {
            return null;
        }
        if (ranges.Length == 0)
        {
            return "Name at least one language, or * for every language: language= is empty.";
        }
        if (list!.Split(',').Any(item => item.Trim(' ').Length == 0))
        {
            return ListParameters.EmptyItemMessage;
        }
        if (ranges.Length > LanguageRanges.MaxCount)
        {
            return $"At most {LanguageRanges.MaxCount} languages.";
        }
        if (ranges.FirstOrDefault(range => range.Length > LanguageTags.MaxLength || !LanguageRangePattern().IsMatch(range)) is { } wrong)
        {
            return $"'{Echoed.Cut(wrong)}' is no language range. {LanguageRangeMessage}";
        }
        return ranges.Length > 1 && ranges.Contains(LanguageTags.AnyLanguage)
            ? "'*' is every language: give it alone (language=*), or only the languages wanted (language=en,fr)."
            : null;
    }

    public const string LanguageRangeMessage =
        "Must be a BCP 47 language tag such as 'zh-Hant' (which also finds 'zh-Hant-TW') or 'en', or * for every language.";

    [GeneratedRegex(LanguageTags.RangePattern)]
    private static partial Regex LanguageRangePattern();
}
