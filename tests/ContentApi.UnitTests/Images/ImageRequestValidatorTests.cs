using ContentApi.Images;

namespace ContentApi.UnitTests.Images;

public sealed class ImageRequestValidatorTests
{
    private readonly ImageRequestValidator _validator = new();

    private static ImageRequest Valid => new("https://cdn.example.com/a.jpg", "alt");

    [Theory]
    [InlineData("image/jpeg", true)]
    [InlineData("image/svg+xml", true)]
    [InlineData("image/vnd.microsoft.icon", true)]
    [InlineData("IMAGE/JPEG", false)]
    [InlineData("text/html", false)]
    [InlineData("image/", false)]
    [InlineData("image/png\n", false)]
    [InlineData("image/png; charset=utf-8", false)]
    public void MimeType_must_be_a_lowercase_image_media_type(string mimeType, bool valid) =>
        Assert.Equal(valid, _validator.Validate(Valid with { MimeType = mimeType }).IsValid);

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 1, true)]
    [InlineData(0.5, 1.0001, false)]
    [InlineData(-0.0001, 0.5, false)]
    public void FocalPoint_coordinates_are_fractions_from_0_to_1(double x, double y, bool valid) =>
        Assert.Equal(valid, _validator.Validate(Valid with { FocalPoint = new FocalPoint(x, y) }).IsValid);

    [Fact]
    public void Errors_name_nested_fields_by_their_path() =>
        Assert.Equal("FocalPoint.Y", Assert.Single(_validator.Validate(Valid with { FocalPoint = new FocalPoint(0, 2) }).Errors).PropertyName);

    /// <summary>Up to 2^53 - 1, as ids and versions: 9223372036854775807 was stored, and no JavaScript client reads it exactly (found by a probe).</summary>
    [Theory]
    [InlineData(0L, true)]
    [InlineData(9007199254740991L, true)]
    [InlineData(9007199254740992L, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(-1L, false)]
    public void ByteSize_is_from_0_to_the_largest_safe_integer(long byteSize, bool valid) =>
        Assert.Equal(valid, _validator.Validate(Valid with { ByteSize = byteSize }).IsValid);
}
