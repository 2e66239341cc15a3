using System.Globalization;
using System.Text;
using FluentValidation;

namespace ContentApi.Text;

/// <summary>Checks that several validators share.</summary>
public static class TextRules
{
    public const string SlugMessage = "Must be 1-120 lowercase letters (any script) or digits, in words joined by single hyphens.";
    public const string ControlCharacterMessage = "Must not contain control characters (such as NUL).";
    public const string UrlMessage = "Must be an absolute http or https URL.";
    public const string InvisibleMessage = "Must contain a visible character, not only spaces, joiners or accents.";
    public const int MaxUrlLength = 2048;

    /// <summary>How an http(s) URL starts; in the rule as a pattern, so that the OpenAPI document states it.</summary>
    public const string HttpUrlStart = "^[Hh][Tt][Tt][Pp][Ss]?://";

    /// <summary>Line breaks and tabs are text; NUL and other C0/C1 controls are not.</summary>
    public static bool HasNoControlCharacters(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>
    /// Whether blank-free text shows anything: not only format characters (zero-width space and joiners, U+FEFF),
    /// accents with no letter, or the letters that print as nothing (Hangul fillers, the blank Braille pattern).
    /// Blank text passes here: NotEmpty says what is wrong with it.
    /// </summary>
    public static bool HasVisibleCharacter(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.EnumerateRunes().Any(IsVisible);

    private static bool IsVisible(Rune rune) =>
        rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800) && Rune.GetUnicodeCategory(rune) is not (
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned);

    /// <summary>
    /// Uri accepts raw control characters, spaces, quotes, angle brackets, backslashes, stray % signs, brackets outside
    /// the host and a second # (it escapes them, or reads a backslash as a slash), but they would be stored and served
    /// as sent, and no URI or IRI holds them: the OpenAPI document promises format iri, which clients that check
    /// formats hold the answers to.
    /// </summary>
    public static bool IsHttpUrl(string? value) =>
        value is not null && !value.Any(char.IsControl) && value.AsSpan().IndexOfAny(NeverInIri) < 0 && IsIriShaped(value) &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);

    private static readonly System.Buffers.SearchValues<char> NeverInIri = System.Buffers.SearchValues.Create(" \"<>\\^`{|}");

    private static bool IsIriShaped(string value)
    {
        var authority = value.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var path = value.AsSpan(authority).IndexOfAny('/', '?', '#') is var end and >= 0 ? authority + end : value.Length;
        if (value.AsSpan(path).IndexOfAny('[', ']') >= 0 || value.IndexOf('#') is var hash and >= 0 && value.IndexOf('#', hash + 1) >= 0)
        {
            return false;
        }
        for (var i = value.IndexOf('%'); i >= 0; i = value.IndexOf('%', i + 1))
        {
            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An absolute http(s) URL of at most <see cref="MaxUrlLength"/> characters (a limit the OpenAPI document states).</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(MaxUrlLength).Matches(HttpUrlStart).WithMessage(UrlMessage).Must(IsHttpUrl).WithMessage(UrlMessage);

    /// <summary>A slug (<see cref="Slugs"/>), its length a limit the OpenAPI document states.</summary>
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(Slugs.MaxLength).WithMessage(SlugMessage).Must(Slugs.IsValid).WithMessage(SlugMessage);
}
