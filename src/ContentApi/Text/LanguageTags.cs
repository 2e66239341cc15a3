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
    public const string Pattern =
        @"^[a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*" +
        @"(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*(-[xX](-[a-zA-Z0-9]{1,8})+)?\z";

    /// <summary>Room for every tag in use with an extension or two; RFC 5646 sets no limit.</summary>
    public const int MaxLength = 63;

    public const string Message = "Must be a BCP 47 language tag such as 'zh-Hant', 'zh-Hans' or 'en'.";

    /// <summary>The language rule as one test, for values that come in other ways (import, a file name's suffix).</summary>
    public static bool IsWellFormed(string? tag) => tag is { Length: <= MaxLength } && WellFormed().IsMatch(tag);

    /// <summary>
    /// The case RFC 5646 recommends (section 2.1.1), which the registry and CLDR use: <c>ZH-HANT-tw</c> is
    /// <c>zh-Hant-TW</c>. Subtags are lowercase but for a script (four letters, titlecase) and a region (two letters,
    /// uppercase) before the first singleton; the first subtag is always the language. Case carries no meaning in a
    /// tag, so this changes no tag's meaning; a well-formed tag already in that case comes back as the same string.
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
        return canonical.SequenceEqual(tag) ? tag : new string(canonical);
    }

    // ASCII letters only: the invariant culture also maps the Kelvin sign to 'k' and the long s to 'S', which would turn
    // a tag the pattern refuses into one it takes.
    private static char AsciiUpper(char c) => c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c;

    private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;

    [GeneratedRegex(Pattern)]
    private static partial Regex WellFormed();
}
