using ContentApi.Images;

namespace ContentApi.Import;

/// <summary>
/// What a file may change of an image that is already stored: it fills in an alt text, caption or credit the image
/// lacks, and never overwrites one. The same photo is often used by several articles, and a file that credits it
/// differently would otherwise take the credit away from the others (and rewrite the image on every import).
/// </summary>
internal static class ImageAnnotationMerge
{
    /// <param name="Update">The image with what was missing filled in, or null when nothing is to be written.</param>
    /// <param name="Conflicts">What the file gives differently from what is stored, which is kept.</param>
    public sealed record Outcome(ImageRequest? Update, IReadOnlyList<string> Conflicts);

    public static Outcome Of(ImageRow stored, ImageRequest fromFile)
    {
        var conflicts = new List<string>();
        var altText = Merge("alt text", stored.AltText, fromFile.AltText, conflicts) ?? "";
        var caption = Merge("caption", stored.Caption, fromFile.Caption, conflicts);
        // A credit an earlier build took with the brackets or emphasis around its line is the one the file gives now.
        var credit = stored.Credit is { } written && ImageAnnotations.CreditText(written) == fromFile.Credit
            ? written
            : Merge("credit", stored.Credit, fromFile.Credit, conflicts);
        var changed = altText != stored.AltText || caption != stored.Caption || credit != stored.Credit;
        return new Outcome(changed ? stored.ToRequest() with { AltText = altText, Caption = caption, Credit = credit } : null, conflicts);
    }

    private static string? Merge(string what, string? stored, string? given, List<string> conflicts)
    {
        if (string.IsNullOrEmpty(given) || given == stored)
        {
            return stored;
        }
        if (string.IsNullOrEmpty(stored))
        {
            return given;
        }
        conflicts.Add($"{what} '{stored}' (this file gives '{given}')");
        return stored;
    }
}
