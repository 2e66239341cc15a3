namespace ContentApi.Text;

/// <summary>
/// Names whose symbols are what tell them apart, each one word: without them C# is the letter C (found in "Vitamin C"
/// first, and the slug "c") and .NET the word "net". Found where no ASCII letter or digit stands before them and no
/// ASCII letter after them (用C#寫 too; C++17 is C++ and 17), in any case and width (Ｃ＃, as CJK input methods type it).
/// </summary>
public static class SymbolNamedTerms
{
    private static readonly (string Written, string Term)[] Terms =
        [("c#", "csharp"), ("f#", "fsharp"), ("j#", "jsharp"), ("c++", "cplusplus"), ("g++", "gplusplus"), (".net", "dotnet")];

    /// <summary>The term written at <paramref name="start"/> and how many characters it takes, if one is.</summary>
    public static (string Term, int Length)? At(string text, int start)
    {
        if (Narrow(text[start]) is not ('c' or 'C' or 'f' or 'F' or 'j' or 'J' or 'g' or 'G' or '.') ||
            start > 0 && char.IsAsciiLetterOrDigit(Narrow(text[start - 1])))
        {
            return null;
        }
        foreach (var (written, term) in Terms)
        {
            var end = start + written.Length;
            if (end <= text.Length && IsWrittenAt(text, start, written) &&
                (end == text.Length || !char.IsAsciiLetter(Narrow(text[end])) && Narrow(text[end]) is not ('#' or '+')))
            {
                return (term, written.Length);
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="written"/> (lower case ASCII) at <paramref name="start"/>, in any case and width.</summary>
    private static bool IsWrittenAt(string text, int start, string written)
    {
        for (var i = 0; i < written.Length; i++)
        {
            if (char.ToLowerInvariant(Narrow(text[start + i])) != written[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A full-width ASCII form (Ｃ＃, ．ＮＥＴ) as the ASCII character.</summary>
    private static char Narrow(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
