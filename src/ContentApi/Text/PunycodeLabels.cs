using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// The labels of a host written in Punycode ("xn--fsqu00a" is 例子), which browsers decode before they look the host up
/// (WHATWG URL, UTS 46). One that does not decode ("xn--", "xn--zz"), or decodes to plain ASCII ("xn--abc-") or to a
/// name IDNA refuses, is no host to them: new URL() throws, and a link or image with it goes nowhere. Uri takes such
/// labels as they are written. Other labels are not judged here: browsers open names IDNA would not register, such as
/// one ending in a hyphen ("ex-.blogspot.com"), and Uri has read their characters. A Punycode label decoding to such a
/// name (xn----dha, "ü-") is taken as its Unicode spelling is, and DNS's 63 characters are not checked: browsers do not.
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
            new IdnMapping().GetUnicode(WithoutHyphenRules(label));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The label with the hyphens among its ASCII characters (those before its last hyphen, which Punycode's insertions
    /// go between whatever they are) written as '+': IdnMapping refuses a name starting or ending with a hyphen, or with
    /// two third and fourth, as IDNA registration does, where browsers (WHATWG URL: UTS 46 without CheckHyphens) do not.
    /// A '+' is judged as a hyphen is otherwise: the same bidirectional class, and valid without STD3 rules.
    /// </summary>
    private static string WithoutHyphenRules(string label)
    {
        var delimiter = label.LastIndexOf('-');
        return delimiter <= Prefix.Length ? label : label[..Prefix.Length] + label[Prefix.Length..delimiter].Replace('-', '+') + label[delimiter..];
    }
}
