using System.Text.RegularExpressions;

namespace ContentApi.Rendering;

/// <summary>
/// A credit as an English-language wire service or paper types it under a photo, without a word for a source: the
/// agency, in any case, and its photographer after a slash ("REUTERS/Ann Wang", "Xinhua/Wang Xiao",
/// "EPA-EFE/RITCHIE B. TONGO", "AP Photo/Tatan Syuflana", "AFP PHOTO / SAM YEH"), or a photographer working for a paper
/// ("Jane Doe for The New York Times"). Not a caption with a slash or a "for" ("USA/Canada Border", "Reuters/Ipsos poll
/// results", "Waiting for The Rolling Stones"): the agency is one the list knows and every word of the name capitalised.
/// </summary>
internal static partial class WireServiceCredit
{
    public static bool Is(string label) => AgencyAndPhotographer().IsMatch(label) || PhotographerForPaper().IsMatch(label);

    [GeneratedRegex("""
        ^\s*(?i:AFP|AP|Reuters|EPA|EFE|Xinhua|Kyodo|Yonhap|Jiji|Anadolu|ANP|ANSA|dpa|TASS|UPI|AAP|KCNA|Bloomberg|NurPhoto|Sipa|Imago|Pool)
          (?:-(?i:AFP|AP|EPA|EFE|ANP|ANSA|dpa|Xinhua|Kyodo|Pool))?
          (?:\s+(?i:photos?))?
          \s*/\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}
          (?:\s*/\s*(?i:file(?:\s+photo)?|pool)|,\s*(?i:file))?
        \s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AgencyAndPhotographer();

    [GeneratedRegex("""
        ^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}
          \s+for\s+(?:The\s+)?(?:\p{Lu}[\p{L}.'’&-]*\s+){0,4}
          (?:Times|Post|Journal|Guardian|Tribune|News|Herald|Telegraph|Globe|Chronicle|Inquirer|Independent|Observer|Economist|Atlantic|Gazette|Mail|Review|Reporter|Magazine|Bloomberg|NPR|CNN|BBC|ProPublica|Politico|Reuters)
        \s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex PhotographerForPaper();
}
