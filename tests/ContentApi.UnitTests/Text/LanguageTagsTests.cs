using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class LanguageTagsTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hant-TW")]
    [InlineData("yue-Hant-HK")]
    [InlineData("zh-yue")]
    [InlineData("zh-cmn-Hant")]
    [InlineData("zh-min-nan")]
    [InlineData("es-419")]
    [InlineData("de-CH-1901")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("ja-JP-u-ca-japanese")]
    [InlineData("en-x-internal")]
    [InlineData("en-US-u-ca-gregory-t-ja-x-custom")]
    [InlineData("ZH-HANT-tw")]
    public void Well_formed_tags_are_taken(string tag) => Assert.True(LanguageTags.IsWellFormed(tag));

    [Theory]
    [InlineData("")]
    [InlineData("english")] // a reserved 5-8 letter language: a name, not a tag
    [InlineData("chinese")]
    [InlineData("x-private")] // private use alone names no language
    [InlineData("en_US")]
    [InlineData("en-")]
    [InlineData("-en")]
    [InlineData("en--US")]
    [InlineData("en-a")] // a singleton needs a subtag
    [InlineData("en-x")]
    [InlineData("en-US-x-abcdefghi")] // a private-use subtag has at most 8 characters
    [InlineData("zh-a-b-c-Hant")] // extended languages are three letters
    [InlineData("en\n")]
    public void Malformed_tags_are_refused(string tag) => Assert.False(LanguageTags.IsWellFormed(tag));

    [Fact]
    public void Tags_longer_than_the_limit_are_refused()
    {
        var tag = "en-x-" + string.Join("-", Enumerable.Repeat("abcdefgh", 7));
        Assert.True(tag.Length > LanguageTags.MaxLength);
        Assert.False(LanguageTags.IsWellFormed(tag));
    }

    [Theory]
    // RFC 5646, section 2.1.1's own examples.
    [InlineData("MN-cYRL-mn", "mn-Cyrl-MN")]
    [InlineData("EN-ca-X-Ca", "en-CA-x-ca")]
    [InlineData("Az-latn-X-latn", "az-Latn-x-latn")]
    [InlineData("ZH-HANT-tw", "zh-Hant-TW")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("ZH-YUE", "zh-yue")]
    [InlineData("es-419", "es-419")]
    [InlineData("DE-ch-1901", "de-CH-1901")]
    [InlineData("sl-ROZAJ", "sl-rozaj")]
    [InlineData("JA-jp-U-CA-JAPANESE", "ja-JP-u-ca-japanese")]
    [InlineData("en-a-bb-x-cc", "en-a-bb-x-cc")] // two letters after a singleton are no region
    [InlineData("en-US-u-cu-USD", "en-US-u-cu-usd")]
    public void Canonical_case_is_the_registrys(string written, string canonical) =>
        Assert.Equal(canonical, LanguageTags.Canonical(written));

    /// <summary>The Kelvin sign and the long s became 'k' and 'S', so "\u212Ao" was taken as "ko" (review).</summary>
    [Theory]
    [InlineData("\u212Ao")]
    [InlineData("en-\u017Fg")]
    [InlineData("sr-LATN-\u017Fr")]
    [InlineData("\u0130T")]
    public void Canonical_case_changes_ascii_letters_only_so_other_letters_stay_refused(string written)
    {
        var canonical = LanguageTags.Canonical(written);
        Assert.False(LanguageTags.IsWellFormed(canonical));
    }

    [Fact]
    public void A_tag_already_in_canonical_case_comes_back_as_it_is() =>
        Assert.Same(Tag, LanguageTags.Canonical(Tag));

    private static readonly string Tag = new("zh-Hant-TW".ToCharArray());

    [Theory]
    [InlineData("iw", "he")]
    [InlineData("IW-il", "he-IL")]
    [InlineData("in-Latn-ID", "id-Latn-ID")]
    [InlineData("ji", "yi")]
    [InlineData("jw", "jv")]
    [InlineData("MO", "ro")]
    [InlineData("ina", "ina")]
    [InlineData("mol", "mol")]
    [InlineData("en-iw", "en-IW")] // a region, not the language
    public void Canonical_writes_a_deprecated_language_as_the_registry_prefers(string tag, string canonical) =>
        Assert.Equal(canonical, LanguageTags.Canonical(tag));

    [Theory]
    [InlineData("jp", "'jp' is no language code (ISO 639-1): the language's code is 'ja', as in 'ja'.")]
    [InlineData("gr-GR", "'gr' is no language code (ISO 639-1): the language's code is 'el', as in 'el-GR'.")]
    [InlineData("ua", "'ua' is no language code (ISO 639-1): the language's code is 'uk', as in 'uk'.")]
    [InlineData("vn", "'vn' is no language code (ISO 639-1): the language's code is 'vi', as in 'vi'.")]
    [InlineData("cz", "'cz' is no language code (ISO 639-1): the language's code is 'cs', as in 'cs'.")]
    [InlineData("qq-Latn", "'qq' is no language code (ISO 639-1).")]
    public void UnknownLanguage_says_why_and_names_the_code_meant(string tag, string message) =>
        Assert.Equal(message, LanguageTags.UnknownLanguage(tag));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hant-TW")]
    [InlineData("he")]
    [InlineData("iw")] // deprecated, replaced as it is stored
    [InlineData("sh")] // withdrawn from ISO 639-1, kept by the registry
    [InlineData("jpn")] // three letters are not looked up
    [InlineData("yue-HK")]
    [InlineData("ZU")]
    public void UnknownLanguage_takes_the_registrys_two_letter_languages_and_any_three_letter_one(string tag) =>
        Assert.Null(LanguageTags.UnknownLanguage(tag));
}
