using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class LanguageRangesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en", "en-GB")]
    [InlineData("EN", "en-gb")]
    [InlineData("zh-Hant", "zh-Hant-TW")]
    [InlineData("zh-Hant", "zh-TW")]
    [InlineData("zh-Hant", "zh-HK")]
    [InlineData("zh-Hant", "zh-MO")]
    [InlineData("zh-hant", "zh-HK-u-nu-hanidec")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh-Hans", "zh-SG")]
    [InlineData("zh-Hans", "zh-MY")]
    [InlineData("zh-Hans", "zh-Hans-TW")]
    [InlineData("zh-TW", "zh-Hant-TW")]
    [InlineData("zh-Hant-TW", "zh-TW")]
    [InlineData("zh-Hant-HK", "zh-HK-x-news")]
    [InlineData("zh-CN", "zh-Hans-CN")]
    [InlineData("zh", "zh-yue-HK")]
    [InlineData("yue", "zh-yue-HK")]
    [InlineData("zh-yue", "yue-Hant-HK")]
    [InlineData("iw", "he-IL")]
    public void A_range_finds_the_tags_it_names(string range, string tag) =>
        Assert.True(LanguageRanges.Matches(tag, LanguageRanges.ToMatch([range])!));

    [Theory]
    [InlineData("en", "enm")]
    [InlineData("zh-Hant", "zh")]
    [InlineData("zh-Hant", "zh-Hans")]
    [InlineData("zh-Hant", "zh-CN")]
    [InlineData("zh-Hant", "zh-Hans-TW")] // a script written out wins over the region's usual one
    [InlineData("zh-Hant", "yue-Hant-HK")] // Cantonese is a language of its own
    [InlineData("zh-Hant", "zh-yue-HK")]
    [InlineData("zh-Hans", "zh")] // no script: either
    [InlineData("zh-TW", "zh-Hant")] // zh-Hant may be Hong Kong's
    [InlineData("zh-TW", "zh-HK")]
    [InlineData("zh-TW", "zh-Hans-TW")]
    [InlineData("zh-Hant-TW", "zh-HK")]
    [InlineData("zh-Hant-US", "zh-US")] // no region of the table
    [InlineData("zh", "yue-HK")]
    [InlineData("yue", "zh-HK")]
    public void A_range_does_not_find_other_tags(string range, string tag) =>
        Assert.False(LanguageRanges.Matches(tag, LanguageRanges.ToMatch([range])!));

    [Fact]
    public void Several_ranges_find_what_any_of_them_finds()
    {
        var ranges = LanguageRanges.ToMatch(["en", "fr"])!;

        Assert.True(LanguageRanges.Matches("en-US", ranges));
        Assert.True(LanguageRanges.Matches("fr-CA", ranges));
        Assert.False(LanguageRanges.Matches("de", ranges));
    }

    /// <summary>No two ranges match one tag, so that a count of (range, article) pairs counts each article once.</summary>
    [Theory]
    [InlineData(new[] { "en", "en-GB", "EN", "en" }, new[] { "en" })]
    [InlineData(new[] { "zh-Hant", "zh-TW" }, new[] { "zh-hant", "zh-hk", "zh-mo", "zh-tw" })]
    [InlineData(new[] { "zh-TW" }, new[] { "zh-hant-tw", "zh-tw" })]
    [InlineData(new[] { "zh-Hant", "zh" }, new[] { "zh" })]
    [InlineData(new[] { "yue-HK" }, new[] { "yue-hk", "zh-yue-hk" })]
    [InlineData(new[] { "fr", "en" }, new[] { "en", "fr" })]
    public void The_ranges_to_match_are_lower_case_without_any_another_covers(string[] given, string[] expected) =>
        Assert.Equal(expected, LanguageRanges.ToMatch(given));

    [Fact]
    public void Every_language_is_no_ranges_to_match() => Assert.Null(LanguageRanges.ToMatch(["*"]));
}
