namespace ContentApi.Text;

/// <summary>
/// Where the closing matter ending a text can start at the earliest, so that its pattern is not tried at every character of
/// a long article, once per closing item: closing matter is short, except for the runs its pattern lets grow without limit,
/// and each of those is white space, one of <see cref="Light"/>, an address (which only ends the text), or a chain of credits
/// ("（編輯：甲/編輯：乙/…）"), whose every part between two slashes is short. The start is exact, not a guess: no match
/// can begin before it, and the pattern's lookbehinds still read the text before it.
/// </summary>
internal static class ClosingMatterWindow
{
    /// <summary>
    /// More than any closing item other than a chain of credits holds of characters that are neither white space nor
    /// <see cref="Light"/>, its address aside: the longest is a reporter line (<c>Additional reporting by</c>, 21, and
    /// 300 more), then a repost note (233) and a copyright notice (175).
    /// </summary>
    internal const int MostWeight = 400;

    /// <summary>
    /// More than a chain of credits holds of those characters between two of its slashes, or before the first or after
    /// the last: an opening bracket, a label (4), its colon and names (30), a closing bracket and a date code (8).
    /// </summary>
    internal const int MostWeightBetweenSlashes = 64;

    /// <summary>What the runs at the start of a repost note or a reporter line are made of besides spaces and tabs.</summary>
    private const string Light = "（(*_[";

    /// <summary>The index from which a left-to-right search for the closing matter finds what a search of the whole text finds.</summary>
    public static int Start(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        var addressStart = end;
        while (addressStart > 0 && IsAddressCharacter(text[addressStart - 1]))
        {
            addressStart--;
        }
        var (weight, weightSinceSlash, chainBroken) = (0, 0, false);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || Light.Contains(c))
            {
                continue;
            }
            if (c is '/' or '／')
            {
                weightSinceSlash = 0;
            }
            else
            {
                chainBroken |= ++weightSinceSlash > MostWeightBetweenSlashes;
            }
            if (i < addressStart)
            {
                weight++;
            }
            if (chainBroken && weight > MostWeight)
            {
                return i + 1;
            }
        }
        return 0;
    }

    /// <summary>What an address ending the text (the reporter's, "hong@yna.co.kr") is made of.</summary>
    private static bool IsAddressCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';
}
