using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ContentApi.Text;

/// <summary>
/// BCP 47 language tags (RFC 5646): which are taken, and the case they are stored and shown in.
/// </summary>
public static partial class LanguageTags
{
    /// <summary>
    /// Well-formed RFC 5646 tags: a language of 2-3 letters with up to three extended language subtags (<c>zh-yue</c>),
    /// then an optional script, region and variants, extensions (<c>ja-JP-u-ca-japanese</c>) and a private-use part
    /// (<c>en-x-internal</c>). Languages of 4-8 letters, reserved or unused, are not taken: they would let
    /// <c>english</c> or <c>chinese</c> pass for tags.
    /// </summary>
    public const string Pattern = "^" + Tag + @"\z";

    private const string Tag =
        @"[a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*" +
        @"(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*(-[xX](-[a-zA-Z0-9]{1,8})+)?";

    /// <summary>RFC 4647's language range of every language: a list filtered by it is not filtered.</summary>
    public const string AnyLanguage = "*";

    /// <summary>A language range of RFC 4647 basic filtering: a tag (<see cref="Pattern"/>), or <see cref="AnyLanguage"/>.</summary>
    public const string RangePattern = @"^(\*|" + Tag + @")\z";

    /// <summary>Room for every tag in use with an extension or two; RFC 5646 sets no limit.</summary>
    public const int MaxLength = 63;

    public const string Message = "Must be a BCP 47 language tag such as 'zh-Hant', 'zh-Hans' or 'en'.";

    /// <summary>The language rule as one test, for values that come in other ways (import, a file name's suffix).</summary>
    public static bool IsWellFormed(string? tag) => tag is { Length: <= MaxLength } && WellFormed().IsMatch(tag);

    /// <summary>The tag's first subtag, its language: <c>zh</c> of <c>zh-Hant-TW</c>.</summary>
    public static string PrimaryLanguage(string tag) => tag.IndexOf('-') is var end and >= 0 ? tag[..end] : tag;

    /// <summary>
    /// Why a well-formed tag names no language, or null: a two-letter language must be an ISO 639-1 code, as every
    /// two-letter language subtag of the registry is; <c>jp</c>, <c>gr</c> or <c>ua</c> is a country's code, written for
    /// <c>ja</c>, <c>el</c> or <c>uk</c>. Three-letter languages are not looked up.
    /// </summary>
    public static string? UnknownLanguage(string tag)
    {
        var language = PrimaryLanguage(tag);
        if (language.Length != 2 || TwoLetterLanguages.IsKnown(language))
        {
            return null;
        }
        var meant = TwoLetterLanguages.Meant(language);
        return $"'{language}' is no language code (ISO 639-1)" + (meant is null ? "." : $": the language's code is '{meant}', as in '{meant}{tag[2..]}'.");
    }

    /// <summary>
    /// The case RFC 5646 recommends (section 2.1.1), which the registry and CLDR use: <c>ZH-HANT-tw</c> is
    /// <c>zh-Hant-TW</c>. Subtags are lowercase but for a script (four letters, titlecase) and a region (two letters,
    /// uppercase) before the first singleton; the first subtag is always the language. Case carries no meaning in a
    /// tag, so this changes no tag's meaning; a well-formed tag already in that case comes back as the same string. A
    /// deprecated language is written as the registry prefers (<see cref="WithPreferredLanguage"/>): <c>iw-IL</c> is <c>he-IL</c>.
    /// </summary>
    [return: NotNullIfNotNull(nameof(tag))]
    public static string? Canonical(string? tag)
    {
        if (tag is null)
        {
            return null;
        }
        Span<char> canonical = tag.Length <= 256 ? stackalloc char[tag.Length] : new char[tag.Length];
        var subtagStart = 0;
        var afterSingleton = false;
        for (var i = 0; i <= tag.Length; i++)
        {
            if (i < tag.Length && tag[i] != '-')
            {
                continue;
            }
            var length = i - subtagStart;
            var isFirst = subtagStart == 0;
            for (var j = subtagStart; j < i; j++)
            {
                var upper = !isFirst && !afterSingleton && (length == 2 || (length == 4 && j == subtagStart));
                canonical[j] = upper ? AsciiUpper(tag[j]) : AsciiLower(tag[j]);
            }
            if (i < tag.Length)
            {
                canonical[i] = '-';
            }
            afterSingleton |= length == 1;
            subtagStart = i + 1;
        }
        return WithPreferredLanguage(canonical.SequenceEqual(tag) ? tag : new string(canonical));
    }

    /// <summary>
    /// The tag with a deprecated language replaced by the one the registry prefers (RFC 5646 section 4.5: <c>iw</c> by
    /// <c>he</c>, <c>in</c> by <c>id</c>, <c>ji</c> by <c>yi</c>, <c>jw</c> by <c>jv</c>, <c>mo</c> by <c>ro</c>), the rest as written.
    /// </summary>
    public static string WithPreferredLanguage(string tag) =>
        tag.Length >= 2 && (tag.Length == 2 || tag[2] == '-') && TwoLetterLanguages.Replaced.GetValueOrDefault(tag[..2]) is { } preferred
            ? preferred + tag[2..]
            : tag;

    // ASCII letters only: the invariant culture also maps the Kelvin sign to 'k' and the long s to 'S', which would turn
    // a tag the pattern refuses into one it takes.
    private static char AsciiUpper(char c) => c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c;

    internal static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;

    [GeneratedRegex(Pattern)]
    private static partial Regex WellFormed();
}
