using ContentApi.Authors;

namespace ContentApi.UnitTests.Authors;

public sealed class AuthorRequestValidatorTests
{
    private readonly AuthorRequestValidator _validator = new();

    [Theory]
    [InlineData("lin@example.com", true)]
    [InlineData("lin.xiao+news@mail.example.com.tw", true)]
    [InlineData("編輯@例子.台灣", true)]
    [InlineData("lin@localhost", false)]
    [InlineData("lin example@example.com", false)]
    [InlineData("lin@@example.com", false)]
    [InlineData("lin@example..com", false)]
    [InlineData("lin@example.com\n", false)]
    [InlineData("@example.com", false)]
    [InlineData("x@-b.com", false)]
    [InlineData("a@b-.co", false)]
    [InlineData("a@b_c.co", false)]
    [InlineData("x@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", false)]
    [InlineData("x@b-b.example.com", true)]
    [InlineData("LIN@EXAMPLE.COM", true)]
    [InlineData("a@exa\u200Bmple.com", false)]
    [InlineData("a@exa\uFEFFmple.com", false)]
    [InlineData("a@ex\u00ADample.com", false)]
    [InlineData("a@\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com", false)]
    public void Email_must_be_a_plain_address_with_a_dotted_domain(string email, bool valid) =>
        Assert.Equal(valid, _validator.Validate(new AuthorRequest("Lin", Email: email)).IsValid);

    [Theory]
    [InlineData("https://lin.example.com/about", true)]
    [InlineData("http://lin.example.com", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://x", false)]
    [InlineData("//lin.example.com", false)]
    [InlineData("https://lin.example.com/a\tb", false)]
    [InlineData("https://bank.example@evil.example/", false)]
    [InlineData("https://user:secret@lin.example.com/", false)]
    [InlineData("https://@lin.example.com/", false)]
    [InlineData("https://lin.example.com/@lin", true)]
    [InlineData("https://lin.example.com/a\u00A0b", false)]
    [InlineData("https://lin.example.com/a\u2028b", false)]
    [InlineData("https://lin.example.com/a\u3000b", false)]
    [InlineData("https://lin.example.com/a\u200Bb", false)]
    [InlineData("https://lin.example.com/a\uFEFFb", false)]
    [InlineData("https://bank\u3164.example/", false)]
    [InlineData("https://lin.example.com/\u2800", false)]
    [InlineData("https://lin.example.com/a\u115Fb", false)]
    [InlineData("https://lin.example.com/a\u034Fb", false)]
    [InlineData("https://exa\u17B4mple.com/", false)]
    [InlineData("https://lin.example.com/a\u17B5b", false)]
    [InlineData("https://lin.example.com/\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", true)]
    // Port 0 is no port a browser connects to (found by a probe). A label starting or ending with a hyphen is one
    // browsers open (WHATWG URL does not check hyphens: old Blogspot names end so); a label .NET's IDN conversion
    // refuses (ü-, a leading accent) made a 500 when judged by it (found by a review).
    [InlineData("https://a.example:0/", false)]
    [InlineData("https://a.example:00/", false)]
    [InlineData("https://ex-.blogspot.com/", true)]
    [InlineData("https://-a-.example/", true)]
    [InlineData("https://\u00FC-.example/", true)]
    [InlineData("https://\u0301a.example/", true)]
    [InlineData("https://a.example:8080/", true)]
    [InlineData("https://a-b.example/", true)]
    [InlineData("https://xn--fsqu00a.xn--3lr804guic/", true)]
    [InlineData("https://\u4F8B\u5B50.\u6E2C\u8A66/", true)]
    [InlineData("https://[2001:db8::1]:443/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    // A host whose last label is a number is an IPv4 address to browsers (WHATWG URL), and one that is none is no URL at
    // all there: new URL() throws, so a frontend building a link or an image loader's URL from it failed its page.
    [InlineData("https://1.2.3.4.5/", false)]
    [InlineData("https://256.0.0.1/", false)]
    [InlineData("https://example.123/", false)]
    [InlineData("https://08/", false)]
    [InlineData("https://4294967296/", false)]
    [InlineData("https://1..2/", false)]
    [InlineData("https://0x7f.1/", true)]
    [InlineData("https://1.2.3.4./", true)]
    [InlineData("https://4294967295/", true)]
    [InlineData("https://example.com./", true)]
    [InlineData("https://a1.example.com2/", true)]
    [InlineData("https://\uFF11.\uFF12.\uFF13.\uFF14.\uFF15/", false)] // full-width digits, which browsers map to ASCII ones first
    [InlineData("https://\uFF11\uFF12\uFF17.0.0.1/", true)]
    [InlineData("https://\uD800.1/", false)]
    // A Punycode label browsers cannot decode names no host (new URL() throws); a valid one, in any case, is a name.
    [InlineData("https://xn--/", false)]
    [InlineData("https://XN--/", false)]
    [InlineData("https://\uFF58\uFF4E\uFF0D\uFF0D.example/", false)] // full-width, which browsers read as xn--
    [InlineData("https://xn--zz.example/", false)]
    [InlineData("https://xn--abc-.example/", false)] // plain ASCII "abc" encoded
    [InlineData("https://a.xn--/", false)]
    [InlineData("https://xn--mnchen-3ya.example/", true)]
    [InlineData("https://XN--MNCHEN-3YA.example/", true)]
    [InlineData("https://xn--ls8h.la/", true)]
    [InlineData("https://a.xn--0zwm56d./", true)]
    [InlineData("https://xn-a.example/", true)] // one hyphen: no Punycode prefix
    // Browsers read an ideographic full stop (U+3002, or U+FF61 half-width) in a host as a dot (UTS 46), as Uri does.
    [InlineData("https://example\u3002xn--/", false)]
    [InlineData("https://example\uFF61xn--/", false)]
    [InlineData("https://1\u30022\u30023\u30024\u30025/", false)]
    [InlineData("https://\u4F8B\u5B50\u3002\u6E2C\u8A66/", true)]
    public void Website_must_be_an_absolute_http_url(string website, bool valid) =>
        Assert.Equal(valid, _validator.Validate(new AuthorRequest("Lin", Website: website)).IsValid);

    /// <summary>
    /// The refusal names only what is refused: it said a host name part starting or ending with a hyphen was, after
    /// such labels were taken again (browsers open them), so a client fixing its 400 changed URLs that were fine.
    /// </summary>
    [Fact]
    public void A_refused_website_is_told_only_what_is_refused()
    {
        var refusal = Assert.Single(_validator.Validate(new AuthorRequest("Lin", Website: "https://ex-.blogspot.com/a b")).Errors).ErrorMessage;

        Assert.True(_validator.Validate(new AuthorRequest("Lin", Website: "https://ex-.blogspot.com/a%20b")).IsValid);
        Assert.DoesNotContain("hyphen", refusal, StringComparison.Ordinal);
        Assert.Contains("spaces", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_website_with_an_undecodable_punycode_label_is_told_so()
    {
        var refusal = Assert.Single(_validator.Validate(new AuthorRequest("Lin", Website: "https://xn--/")).Errors).ErrorMessage;

        Assert.Contains("xn--", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("spaces", refusal, StringComparison.Ordinal);
        Assert.Contains("spaces", Assert.Single(_validator.Validate(new AuthorRequest("Lin", Website: "https://xn--/a b")).Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://1.2.3.4.5/")]
    [InlineData("https://256.0.0.1/")]
    [InlineData("https://example.123/")]
    [InlineData("https://08/")]
    public void A_website_whose_host_browsers_read_as_no_ipv4_address_is_told_so(string website)
    {
        var refusal = Assert.Single(_validator.Validate(new AuthorRequest("Lin", Website: website)).Errors).ErrorMessage;

        Assert.Contains("IPv4 address", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("spaces", refusal, StringComparison.Ordinal);
        Assert.Contains("spaces", Assert.Single(_validator.Validate(new AuthorRequest("Lin", Website: website + "a b")).Errors).ErrorMessage, StringComparison.Ordinal);
    }
}
