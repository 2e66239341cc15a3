using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hunt: a body's image:0, or an id too large for one, was taken for an image to create by URL, and the import refused it
/// as not an http URL; it now says what is wrong with the id, in the API's words for the same body.
/// </summary>
public sealed class BrokenImageReferenceTests
{
    [Theory]
    [InlineData("image:0", "0 is no id (ids start at 1)")]
    [InlineData("image:000", "000 is no id (ids start at 1)")]
    [InlineData("image:-3", "-3 is negative (ids start at 1)")]
    [InlineData("image:9223372036854775808", "9223372036854775808 is past the largest id, 9223372036854775807")]
    [InlineData("IMAGE:abc", "'abc' is not an id, a whole number from 1")]
    [InlineData("image:", "it gives no id")]
    public void Parse_image_reference_naming_no_image_fails_at_its_line_saying_what_is_wrong_with_the_id(string url, string why)
    {
        var result = Import.Body("Text.", "", $"![a]({url})", "圖源:ifanr");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal(8, error.Line);
        Assert.Equal($"Image 'a' places {url}, a reference that names no image: {why}. Write image:ID, the id of a stored image.", error.Message);
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("http", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cover: image:0")]
    [InlineData("cover: {url: image:0, alt: A}")]
    public void Parse_cover_reference_naming_no_image_fails_at_its_line(string line)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", line, "---", "Body."));

        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal((3, "'cover' is image:0, a reference that names no image: 0 is no id (ids start at 1). Write image:ID, the id of a stored image."), (error.Line, error.Message));
        Assert.Null(result.Document?.CoverImage);
    }

    [Fact]
    public void Parse_image_reference_to_an_id_is_still_a_stored_image()
    {
        var result = Import.Body("![a](image:9223372036854775807)");

        Assert.DoesNotContain(result.Problems, p => p.Severity == ImportSeverity.Error && p.Message.StartsWith("Image", StringComparison.Ordinal));
        Assert.Equal(long.MaxValue, Assert.Single(result.Document!.Images).ExistingImageId);
    }
}
