using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// Whether a figure's typed caption or credit says the image's own: read by words, as search reads them, but an emoji
/// before a credit (📷 Reuters) is decoration there, as it was before search read emoji as words.
/// </summary>
public sealed class TextUnitsSaysTests
{
    [Theory]
    [InlineData("Reuters", "📷 Reuters")]
    [InlineData("📷 Reuters", "Reuters")]
    [InlineData("圖／中央社", "📸 中央社")]
    [InlineData("Reuters", "▶️ Reuters")]
    public void Says_passes_over_emoji(string text, string part) =>
        Assert.True(TextUnits.Says(text, part));

    [Fact]
    public void Says_an_emoji_alone_as_written() =>
        Assert.False(TextUnits.Says("Reuters", "📷"));
}
