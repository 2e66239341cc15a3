using ContentApi.Images;
using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class ImageAnnotationMergeTests
{
    /// <summary>
    /// Import took a bracketed credit line with its brackets until it learned to leave them out: re-importing the same
    /// file then warned that it credits the photo differently, under every image an earlier import stored (CJK review).
    /// </summary>
    [Theory]
    [InlineData("（圖片來源：台積電）", "圖片來源：台積電")]
    [InlineData("*圖源：ifanr*", "圖源：ifanr")]
    public void A_credit_stored_with_the_brackets_import_now_leaves_out_is_the_same_credit(string stored, string given)
    {
        var row = new ImageRow { Id = 1, Url = "https://cdn.example.com/a.jpg", AltText = "晶圓廠", Credit = stored };
        var outcome = ImageAnnotationMerge.Of(row, new ImageRequest(row.Url, "晶圓廠", null, given));
        Assert.Null(outcome.Update);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void A_different_credit_is_still_a_conflict() =>
        Assert.Single(ImageAnnotationMerge.Of(new ImageRow { Id = 1, Url = "https://cdn.example.com/a.jpg", Credit = "（圖源：中央社）" },
            new ImageRequest("https://cdn.example.com/a.jpg", "", null, "圖源：路透社")).Conflicts);
}
