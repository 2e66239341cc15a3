using ContentApi.Rendering;

namespace ContentApi.Images;

/// <summary>An article's image records as its body's render places them (<c>image:ID</c>).</summary>
internal static class InlineImages
{
    public static Dictionary<long, InlineImage> Of(IEnumerable<ImageRow> images) =>
        images.DistinctBy(i => i.Id).ToDictionary(i => i.Id, Of);

    public static InlineImage Of(ImageRow image) =>
        new(image.Id, image.Url, image.AltText, image.Caption, image.Credit, image.Width, image.Height);
}
