using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

/// <summary>
/// A host written in Unicode and the same host in Punycode are one host to browsers, and are taken or refused alike:
/// https://ü-.example/ was taken and https://xn----dha.example/ refused, as .NET's IDN conversion applies the hyphen
/// rules of IDNA registration, which browsers (WHATWG URL) do not.
/// </summary>
public sealed class PunycodeHostAgreementTests
{
    [Theory]
    [InlineData("\u00FC-", "xn----dha")] // ü-: a hyphen last
    [InlineData("-\u00FC", "xn----eha")] // -ü: a hyphen first
    [InlineData("ab--\u00FC", "xn--ab---3ra")] // hyphens third and fourth
    [InlineData("\u4F8B-", "xn----kb7a")] // 例-
    // Past 63 characters in Punycode (DNS's limit, which browsers do not check): taken in both spellings.
    [InlineData("\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC\u00FC",
        "xn--tdaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B\u4F8B",
        "xn--fsqaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 40 CJK characters, 46 in Punycode
    public void A_label_is_taken_in_unicode_and_in_punycode_alike(string unicode, string punycode)
    {
        Assert.True(TextRules.IsHttpUrl($"https://{unicode}.example/x.jpg"));
        Assert.True(TextRules.IsHttpUrl($"https://{punycode}.example/x.jpg"));
    }

    [Theory]
    [InlineData("xn--wca")] // Ü, which IDNA maps to ü: no Punycode label holds it
    [InlineData("xn--abc-")] // plain ASCII
    [InlineData("xn---")]
    [InlineData("xn--")]
    public void A_punycode_label_browsers_cannot_decode_is_still_refused(string punycode) =>
        Assert.False(TextRules.IsHttpUrl($"https://{punycode}.example/x.jpg"));
}
