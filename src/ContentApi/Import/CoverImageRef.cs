using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>A cover image named in front matter: a URL (or <c>image:ID</c>) with optional alt text and caption (Hugo themes' <c>cover.caption</c>).</summary>
public sealed record CoverImageRef(string Url, string? AltText = null, string? Caption = null)
{
    public long? ExistingImageId => ImageReferences.ParseId(Url);
}
