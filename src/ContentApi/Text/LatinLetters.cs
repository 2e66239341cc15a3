namespace ContentApi.Text;

/// <summary>
/// Latin letters that Unicode gives no decomposition into a plain letter and an accent, as they are typed without a
/// national keyboard: Łódź as lodz, Đà Nẵng as da nang, Diyarbakır as diyarbakir, Œuvre as oeuvre, Straße as strasse.
/// </summary>
public static class LatinLetters
{
    /// <summary>The plain letters a lowercase letter is written as, or null when it is one already or not such a letter.</summary>
    public static string? Plain(int lowercase) => lowercase switch
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
