using System.Text;

namespace ContentApi.Auth;

/// <summary>
/// One spelling per key name, as for slugs: a name is written in Unicode NFC without white space at either end, and
/// is compared in that spelling, so that `café` typed precomposed or decomposed, or ` lead` pasted with a space, names
/// one key. Names stored before the rule are found through it too.
/// </summary>
public static class KeyNames
{
    public const string NotPlainMessage =
        "--name must be written in Unicode NFC (an accented letter as one character, as keyboards type it), without white space at either end.";

    public static bool IsWrittenPlainly(string name) => string.Equals(ForComparison(name), name, StringComparison.Ordinal);

    /// <summary>The name trimmed and in NFC; text Unicode cannot normalise (a lone surrogate) is compared as it is.</summary>
    public static string ForComparison(string name)
    {
        var trimmed = name.Trim();
        try
        {
            return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }

    public static bool Same(string a, string b) => string.Equals(ForComparison(a), ForComparison(b), StringComparison.Ordinal);
}
