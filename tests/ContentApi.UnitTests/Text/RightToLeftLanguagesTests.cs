using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class RightToLeftLanguagesTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("ar-EG")]
    [InlineData("he")]
    [InlineData("fa-IR")]
    [InlineData("ur")]
    [InlineData("ckb")]
    [InlineData("ku-Arab")]
    [InlineData("pa-Arab-PK")]
    [InlineData("AR-eg")]
    public void A_language_written_right_to_left_is_right_to_left(string tag) =>
        Assert.True(RightToLeftLanguages.IsRightToLeft(tag));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hant")]
    [InlineData("th")]
    [InlineData("hi")]
    [InlineData("vi")]
    [InlineData("ku")]
    [InlineData("uz-Latn")]
    [InlineData("sd-Deva")]
    [InlineData("az-Latn-x-arab")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_language_is_not(string? tag) =>
        Assert.False(RightToLeftLanguages.IsRightToLeft(tag));
}
