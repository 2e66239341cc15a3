using ContentApi.Tags;

namespace ContentApi.UnitTests.Tags;

/// <summary>Format characters show nothing, and a tag name's key leaves them out as a slug does, with the slug's exceptions.</summary>
public sealed class TagNameKeyTests
{
    [Theory]
    [InlineData("台北\u200B市", "台北市")]
    [InlineData("Ai\u200B", "ai")]
    [InlineData("A\u00ADI", "ai")]
    [InlineData("A\u2060I", "ai")]
    [InlineData("\uFEFFAI\u200E", "ai")]
    [InlineData("Bundes\u00ADtag", "bundestag")]
    public void A_key_leaves_format_characters_out(string name, string key) => Assert.Equal(key, TagNames.Key(name));

    [Theory]
    [InlineData("می\u200Cخواهم")]
    [InlineData("ภาษา\u200Bไทย")]
    public void A_key_keeps_the_format_characters_a_slug_keeps(string name) => Assert.Equal(name, TagNames.Key(name));

    [Fact]
    public void A_search_key_leaves_format_characters_out() => Assert.Equal("台北市", TagNames.SearchKey("台北\u200B市"));
}
