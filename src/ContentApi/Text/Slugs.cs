using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Text;

/// <summary>
/// URL slugs: lowercase letters of any script (CJK kept as-is, percent-encoded by clients in URLs),
/// digits, and single hyphens between them.
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 120;
    public const string Pattern = @"^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+(-[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+)*\z";

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && SlugRegex().IsMatch(slug);

    /// <summary>Derives a readable slug from a title or name; never empty (falls back to <paramref name="fallback"/>).</summary>
    public static string FromText(string text, string fallback)
    {
        // Compatibility-decompose so "Café" gives "cafe" and full-width "Ｑｗｅｎ" gives "qwen". Only the accents of
        // alphabets that read fine without them go; in Devanagari, Tamil or Thai the marks are part of the word
        // ("हिन्दी" without them reads "हनद").
        var decomposed = NormalizedText.Of(text, NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        var lastLetter = default(Rune);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Enclosing marks (a keycap's U+20E3) are decoration: they separate, like symbols.
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isMark && (builder.Length == 0 || pendingHyphen || HasDroppableAccents(lastLetter)))
            {
                continue;
            }
            if (isMark)
            {
                builder.Append(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                lastLetter = rune;
            }
            else
            {
                pendingHyphen = true;
            }
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }
        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        slug = TrimToLength(slug);
        return IsValid(slug) ? slug : fallback;
    }

    /// <summary>"title", "title-2", "title-3", ... for a derived slug that is already taken.</summary>
    public static string WithSuffix(string slug, int attempt)
    {
        if (attempt <= 1)
        {
            return slug;
        }
        var suffix = "-" + attempt.ToString(CultureInfo.InvariantCulture);
        return TrimToLength(slug[..Math.Min(slug.Length, MaxLength - suffix.Length)]) + suffix;
    }

    /// <summary>Latin, Greek and Cyrillic letters, whose accents a slug drops ("é" → "e", "ё" → "е").</summary>
    private static bool HasDroppableAccents(Rune letter) => letter.Value is < 0x0530 or (>= 0x1E00 and < 0x2000);

    private static string TrimToLength(string slug)
    {
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            if (char.IsHighSurrogate(slug[^1]))
            {
                slug = slug[..^1];
            }
        }
        return slug.Trim('-');
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex SlugRegex();
}
