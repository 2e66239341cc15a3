using System.Text.RegularExpressions;

namespace ContentApi.Rendering;

/// <summary>
/// A credit as an English-language wire service or paper types it under a photo, without a word for a source: the
/// agency, in any case, and its photographer after a slash ("REUTERS/Ann Wang", "Xinhua/Wang Xiao",
/// "EPA-EFE/RITCHIE B. TONGO", "AP Photo/Tatan Syuflana", "AFP PHOTO / SAM YEH"), or a photographer working for a paper
/// ("Jane Doe for The New York Times"), or a news agency alone, as newsrooms type it ("REUTERS", "AFP PHOTO", "中央社",
/// "路透社"). Not a caption with a slash or a "for" ("USA/Canada Border", "Reuters/Ipsos Poll Shows Support", "Waiting
/// for The Rolling Stones"): the agency is one the list knows, every word of the name capitalised, and no pollster's.
/// </summary>
internal static partial class WireServiceCredit
{
    public static bool Is(string label) =>
        AgencyAndPhotographer().IsMatch(label) || PhotographerForPaper().IsMatch(label) || AgencyAlone().IsMatch(label);

    /// <summary>
    /// A news agency's name and nothing else, in any case, with the word for a photo English agencies add ("AP Photo") or
    /// the one Chinese credits end in ("中央社提供"); not "Pool", also a word.
    /// </summary>
    [GeneratedRegex("""
        ^\s*(?:
          (?i:AFP|AP|Reuters|EPA|EFE|Xinhua|Kyodo|Yonhap|Jiji|ANSA|dpa|TASS|UPI|AAP|KCNA)(?:-(?i:AFP|AP|EPA|EFE|ANSA|dpa|Xinhua|Kyodo))?(?:\s+(?i:photos?))?
        | (?:中央社|新華社|新华社|路透社|美聯社|美联社|法新社|歐新社|欧新社|中新社|共同社|韓聯社|韩联社|塔斯社|ロイター|共同通信|時事通信)(?:攝|摄|提供|供圖|供图)?
        )\s*$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AgencyAlone();

    [GeneratedRegex("""
        ^\s*(?i:AFP|AP|Reuters|EPA|EFE|Xinhua|Kyodo|Yonhap|Jiji|Anadolu|ANP|ANSA|dpa|TASS|UPI|AAP|KCNA|Bloomberg|NurPhoto|Sipa|Imago|Pool)
          (?:-(?i:AFP|AP|EPA|EFE|ANP|ANSA|dpa|Xinhua|Kyodo|Pool))?
          (?:\s+(?i:photos?))?
          \s*/\s*(?!(?:\S+\s+){0,3}(?i:Ipsos|YouGov|Gallup|Pew|Poll|Polls|Polling|Survey)\b)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}
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
