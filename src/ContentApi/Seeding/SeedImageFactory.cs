using System.Globalization;

namespace ContentApi.Seeding;

/// <summary>Metadata for one generated image: plausible sizes, formats, captions and credits.</summary>
internal static class SeedImageFactory
{
    private const double CaptionShare = 0.6;
    private const double CreditShare = 0.9;

    private static readonly (int Width, int Height)[] Sizes =
        [(1600, 900), (1200, 800), (1920, 1080), (1080, 1080), (2048, 1365), (1280, 720), (1200, 1600)];

    public static SeedImage Create(SeedRandom random, PhraseContext text, DateTimeOffset date)
    {
        var altText = random.Pick(text.Topic.AltTexts);
        var caption = random.Chance(CaptionShare) ? random.Pick(text.Topic.Captions) : null;
        var credit = random.Chance(CreditShare) ? random.Pick(text.Bank.Credits) : null;
        var (width, height) = random.Pick(Sizes);
        var format = random.Next(20);
        var (mimeType, extension, bytesPerPixel) = format switch
        {
            < 14 => ("image/jpeg", "jpg", 0.18),
            < 17 => ("image/png", "png", 0.9),
            _ => ("image/webp", "webp", 0.12),
        };
        var byteSize = (long)(width * height * bytesPerPixel * (0.7 + (0.6 * random.NextDouble())));
        var url = string.Create(CultureInfo.InvariantCulture,
            $"https://images.example.com/{date:yyyy}/{date:MM}/{random.NextUInt64():x16}.{extension}");
        return new SeedImage(url, altText, caption, credit, width, height, mimeType, byteSize);
    }
}
