namespace ContentApi.Seeding;

/// <summary>Image metadata; the URL points at a CDN that does not exist (<c>images.example.com</c>).</summary>
public sealed record SeedImage(
    string Url, string AltText, string? Caption, string? Credit, int Width, int Height, string MimeType, long ByteSize);
