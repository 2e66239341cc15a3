using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class SafeUrlsTests
{
    [Theory]
    [InlineData("https://example.com/a?b=c")]
    [InlineData("HTTP://EXAMPLE.COM")]
    [InlineData("mailto:editor@example.com")]
    [InlineData("tel:+886-2-1234-5678")] // a newsroom's hotline (found by a probe: the link was dropped)
    [InlineData("/articles/qwen3-max")]
    [InlineData("../images/a.png")]
    [InlineData("#背景")]
    [InlineData("?page=2")]
    [InlineData("//cdn.example.com/a.png")]
    [InlineData("articles/a:b")]
    [InlineData("https://example.com/@lin")]
    [InlineData("https://example.com/a?from=a@b.example")]
    public void IsAllowed_web_mail_and_relative_urls_is_true(string url) => Assert.True(SafeUrls.IsAllowed(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("image:12")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void IsAllowed_other_schemes_and_empty_urls_is_false(string? url) => Assert.False(SafeUrls.IsAllowed(url));

    /// <summary>A link showing one site and opening another was written live (found by a security probe).</summary>
    [Theory]
    [InlineData("https://bank.example@evil.example/")]
    [InlineData("https://user:secret@example.com/")]
    [InlineData("//bank.example@evil.example/")]
    [InlineData("HTTPS://bank.example@evil.example")]
    public void IsAllowed_a_url_naming_a_user_before_its_host_is_false(string url)
    {
        Assert.False(SafeUrls.IsAllowed(url));
        Assert.False(SafeUrls.IsAllowedImage(url));
    }

    /// <summary>
    /// A host with a Punycode label that does not decode names nothing (browsers' new URL() throws on it), as the API's URL
    /// fields refuse it: a link to it keeps its text, an image with it is left out. A valid one, in any case, is a host.
    /// </summary>
    [Theory]
    [InlineData("https://xn--/x.jpg")]
    [InlineData("HTTPS://a.XN--ZZ/x.jpg")]
    [InlineData("//xn--abc-.example/x.jpg")]
    [InlineData("http://xn--:8080/")]
    [InlineData("https://example\u3002xn--/x.jpg")] // an ideographic full stop, a dot to browsers
    public void IsAllowed_a_url_whose_punycode_host_does_not_decode_is_false(string url)
    {
        Assert.False(SafeUrls.IsAllowed(url));
        Assert.False(SafeUrls.IsAllowedImage(url));
    }

    [Theory]
    [InlineData("https://xn--fsqu00a.xn--0zwm56d/x.jpg")]
    [InlineData("https://例子.测试/x.jpg")]
    [InlineData("//XN--MNCHEN-3YA.example/x.jpg")]
    [InlineData("https://\u4F8B\u5B50\u3002\u6D4B\u8BD5/x.jpg")]
    [InlineData("/wiki/xn--")]
    [InlineData("mailto:a@xn--")] // no host of a URL: mail is the mail server's to judge
    public void IsAllowed_a_url_whose_punycode_decodes_or_that_has_no_host_is_true(string url) => Assert.True(SafeUrls.IsAllowed(url));
}
