using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class ImageReferencesTests
{
    [Theory]
    [InlineData("image:42", 42L)]
    [InlineData("image:1", 1L)]
    [InlineData("image:0", null)]
    [InlineData("image:-1", null)]
    [InlineData("image: 1", null)]
    [InlineData("image:1a", null)]
    [InlineData("image:{0}", null)]
    [InlineData("image:99999999999999999999", null)]
    [InlineData("Image:1", 1L)]
    [InlineData("IMAGE:7", 7L)]
    [InlineData("https://images.example.com/1.jpg", null)]
    [InlineData(null, null)]
    public void ParseId_accepts_only_image_colon_positive_integer_in_any_case(string? url, long? id) =>
        Assert.Equal(id, ImageReferences.ParseId(url));

    [Fact]
    public void For_and_Placeholder_write_the_body_forms() =>
        Assert.Equal(("image:42", "image:{3}"), (ImageReferences.For(42), ImageReferences.Placeholder(3)));
}
