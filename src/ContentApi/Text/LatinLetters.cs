namespace ContentApi.Text;

/// <summary>
/// Latin letters Unicode gives no decomposition, as their readers type them without a national keyboard: Łódź as lodz,
/// Đà Nẵng as da nang, ılık as ilik, Straße as strasse, Œuvre as oeuvre (WordPress's remove_accents writes them so).
/// Search finds a word either way, and a derived slug is the same whatever the case of its title (AYŞE YILMAZ and
/// Ayşe Yılmaz: ı is what an uppercase I lowers to in Turkish, and ß what SS stands for).
/// </summary>
public static class LatinLetters
{
    /// <summary>How this lowercase letter is written plainly; null when it already is, or is no such letter.</summary>
    public static string? PlainSpelling(int lowercase) => lowercase switch
    {
        'ß' => "ss",
        'ł' or 'ŀ' => "l",
        'đ' or 'ð' => "d",
        'ø' => "o",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => null,
    };
}
