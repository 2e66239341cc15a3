using ContentApi.Images;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Images;

public sealed class PlacingArticlesHtmlTests
{
    private static readonly InlineImage Before = new(7, "https://img.example/a.jpg", "alt", "A caption", "Photo: Someone", 1200, 800);

    public static TheoryData<InlineImage> EditsThatWriteNoMore => new()
    {
        Before,
        Before with { AltText = "" },
        Before with { Url = "https://img.example/b.jpg", Width = 900 },
    };

    /// <summary>A caption or credit changed at all may be written where it was not (RenderedSizeWithImageTextsTests renders one).</summary>
    public static TheoryData<InlineImage> EditsThatMayWriteMore => new()
    {
        Before with { Caption = "A longer caption" },
        Before with { Caption = "Shorter" },
        Before with { Caption = "A captioN" },
        Before with { Credit = null },
        Before with { AltText = "alt\"" }, // " is written &quot;
        Before with { Url = "https://img.example/a-much-longer-name.jpg" },
        Before with { Width = 12000 },
        Before with { AltText = "a longer alt text" },
    };

    [Theory]
    [MemberData(nameof(EditsThatWriteNoMore))]
    public void An_edit_keeping_or_shortening_what_a_placement_writes_needs_no_article_judged(InlineImage edited) =>
        Assert.False(PlacingArticlesHtml.WritesMoreThan(edited, Before));

    [Theory]
    [MemberData(nameof(EditsThatMayWriteMore))]
    public void An_edit_lengthening_what_a_placement_writes_is_judged(InlineImage edited) =>
        Assert.True(PlacingArticlesHtml.WritesMoreThan(edited, Before));
}
