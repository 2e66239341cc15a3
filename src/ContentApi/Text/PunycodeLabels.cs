using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// The labels of a host written in Punycode ("xn--fsqu00a" is 例子), which browsers decode before they look the host up
/// (WHATWG URL, UTS 46). One that does not decode ("xn--", "xn--zz"), or decodes to plain ASCII ("xn--abc-") or to a
/// name IDNA refuses, is no host to them: new URL() throws, and a link or image with it goes nowhere. Uri takes such
/// labels as they are written. Other labels are not judged here: browsers open names IDNA would not register, such as
/// one ending in a hyphen ("ex-.blogspot.com"), and Uri has read their characters.
/// </summary>
internal static class PunycodeLabels
{
    public const string Prefix = "xn--";

    public static bool AllDecode(IEnumerable<string> labels) => labels.All(label => !IsPunycode(label) || Decodes(label));

    private static bool IsPunycode(string label) => label.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    private static bool Decodes(string label)
    {
        try
        {
            new IdnMapping().GetUnicode(label);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
