using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// An image found in an imported body, in order of appearance. <see cref="Credit"/> and <see cref="Caption"/> come
/// from the short lines that followed it, which were taken out of the body.
/// </summary>
/// <param name="Index">Position among the document's images, from 0; the body's placeholder is <c>image:{Index}</c>.</param>
/// <param name="Url">The URL as written (an <c>image:ID</c> reference for an already-stored image).</param>
/// <param name="AltText">The alt text as plain text.</param>
/// <param name="Caption">An emphasised line, or a line followed by a credit, right after the image; markers removed.</param>
/// <param name="Credit">The whole credit line as written, trimmed, such as <c>圖源:ifanr</c>.</param>
/// <param name="Line">The 1-based line of the file where the image is.</param>
public sealed record ImportImage(int Index, string Url, string AltText, string? Caption, string? Credit, int Line)
{
    /// <summary>The id when <see cref="Url"/> is <c>image:ID</c> (an exported article being imported back).</summary>
    public long? ExistingImageId => ImageReferences.ParseId(Url);

    /// <summary>The destination as the body writes it (<c>&lt;image:7&gt;</c>, <c>image:07</c>): kept for a stored image, so its body stays as written.</summary>
    public string? WrittenDestination { get; init; }
}
