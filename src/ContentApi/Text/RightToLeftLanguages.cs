namespace ContentApi.Text;

/// <summary>
/// Whether a BCP 47 tag names text written right to left: by its script when it gives one (<c>ku-Arab</c> is,
/// <c>uz-Latn</c> and <c>sd-Deva</c> are not), else by the script CLDR's likely subtags give its language
/// (<c>ar</c>, <c>fa</c>, <c>he</c>, <c>ur</c>…: Arabic, Hebrew, Syriac, Thaana or N'Ko).
/// </summary>
public static class RightToLeftLanguages
{
    public static bool IsRightToLeft(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return false;
        }
        var subtags = tag.Split('-');
        // A script is the subtag of four letters before any singleton (an extension's or private use's); a variant of four starts with a digit.
        foreach (var subtag in subtags.Skip(1).TakeWhile(subtag => subtag.Length > 1))
        {
            if (subtag.Length == 4 && subtag.All(char.IsAsciiLetter))
            {
                return Scripts.Contains(subtag);
            }
        }
        return Languages.Contains(subtags[0]);
    }

    /// <summary>The right-to-left scripts in use today (ISO 15924).</summary>
    private static readonly HashSet<string> Scripts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi",
    };

    /// <summary>Languages written in one of them when no script is given (CLDR's likely subtags).</summary>
    private static readonly HashSet<string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "he", "iw", "yi", "ji", "fa", "ur", "ps", "sd", "ug", "ks", "dv", "ckb", "prs", "pbu", "pnb", "lrc", "mzn", "glk", "azb",
        "bal", "bqi", "sdh", "skr", "khw", "lad", "syr", "arc", "nqo", "arz", "ary", "arq", "apc", "acm", "aeb", "ajp", "afb", "ayl",
    };
}
