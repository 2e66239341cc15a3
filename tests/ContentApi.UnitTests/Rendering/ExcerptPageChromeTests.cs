namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// What a news page puts between an article's paragraphs comes along when the article is copied from it: Liberty Times'
/// ad marker "[廣告] 請繼續往下閱讀...", an English paper's "Advertisement" and "Story continues below advertisement", a
/// blog's newsletter prompt; and WordPress' "Share this:" ends a post. Each was in a short article's excerpt (probe).
/// </summary>
public sealed class ExcerptPageChromeTests
{
    [Theory]
    [InlineData("立法院今天三讀通過預算案。\n\n[廣告] 請繼續往下閱讀...\n\n行政院表示將依法執行。", "立法院今天三讀通過預算案。行政院表示將依法執行。")]
    [InlineData("立法院今天三讀通過預算案。\n\n請繼續往下閱讀...\n\n行政院表示將依法執行。", "立法院今天三讀通過預算案。行政院表示將依法執行。")]
    [InlineData("国务院今天召开常务会议。\n\n【广告】\n\n会议研究了经济形势。", "国务院今天召开常务会议。会议研究了经济形势。")]
    [InlineData("The Federal Reserve held rates steady.\n\nAdvertisement\n\nMarkets rose after the decision.", "The Federal Reserve held rates steady. Markets rose after the decision.")]
    [InlineData("The Federal Reserve held rates steady.\n\nSKIP ADVERTISEMENT\n\nMarkets rose after the decision.", "The Federal Reserve held rates steady. Markets rose after the decision.")]
    [InlineData("The Federal Reserve held rates steady.\n\n*Story continues below advertisement*\n\nMarkets rose after the decision.", "The Federal Reserve held rates steady. Markets rose after the decision.")]
    [InlineData("The Federal Reserve held rates steady.\n\nContinue reading the main story\n\nMarkets rose after the decision.", "The Federal Reserve held rates steady. Markets rose after the decision.")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\n광고\n\n시장은 상승했다.", "정부는 4일 새 경제 대책을 발표했다. 시장은 상승했다.")]
    [InlineData("We shipped version 2.0 today.\n\n**Subscribe to our newsletter** for more release notes.\n\nThe upgrade guide is below.", "We shipped version 2.0 today. The upgrade guide is below.")]
    [InlineData("We shipped version 2.0 today.\n\n[Sign up for our weekly newsletter](https://example.com/newsletter)\n\nThe upgrade guide is below.", "We shipped version 2.0 today. The upgrade guide is below.")]
    public void A_pages_ad_marker_and_prompts_between_paragraphs_are_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));

    [Theory]
    [InlineData("We shipped version 2.0 today.\n\nShare this:\n\n[Twitter](https://twitter.com/share) [Facebook](https://facebook.com/share)", "We shipped version 2.0 today.")]
    [InlineData("We shipped version 2.0 today.\n\nShare this: [Twitter](https://twitter.com/share) [Facebook](https://facebook.com/share)", "We shipped version 2.0 today.")]
    public void Share_buttons_ending_a_post_are_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));

    [Theory]
    // Words about ads, newsletters and sharing in the article's own sentences stay.
    [InlineData("廣告主今天表示，請繼續往下閱讀的設計將取消。", "廣告主今天表示，請繼續往下閱讀的設計將取消。")]
    [InlineData("Advertisement spending rose 5% this year.", "Advertisement spending rose 5% this year.")]
    [InlineData("Advertising\n\nAd revenue rose 5% this year.", "Advertising Ad revenue rose 5% this year.")]
    [InlineData("The Federal Reserve held rates steady.\n\nSubscribers to the newsletter were told first.", "The Federal Reserve held rates steady. Subscribers to the newsletter were told first.")]
    [InlineData("We shipped version 2.0 today.\n\nShare this with your team: the upgrade is free.", "We shipped version 2.0 today. Share this with your team: the upgrade is free.")]
    public void Such_words_in_the_articles_sentences_stay(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));
}
