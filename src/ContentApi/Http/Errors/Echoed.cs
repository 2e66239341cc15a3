namespace ContentApi.Http.Errors;

/// <summary>
/// Request text an error quotes back (a member or parameter name, a media type), cut to a length that still names it:
/// a 4 MB property name made an 8 MB error, once in <c>detail</c> and once as the key in <c>errors</c>.
/// </summary>
public static class Echoed
{
    public const int MaxCharacters = 100;

    public static string Cut(string text)
    {
        if (text.Length <= MaxCharacters)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
