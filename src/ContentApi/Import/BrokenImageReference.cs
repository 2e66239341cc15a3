using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// A body's or cover's <c>image:</c> reference that names no image (<c>image:0</c>, <c>image:-1</c>, an id past the largest,
/// <c>image:abc</c>): it was taken for an image to create by URL, and refused as "not an http URL".
/// </summary>
internal static class BrokenImageReference
{
    /// <summary>The error for such an image, worded as the API's refusal of the same body, with what is wrong with its id.</summary>
    public static string Problem(string altText, string url) =>
        $"Image '{altText}' places {Shown(url)}, a reference that names no image: {WhyNoId(url[ImageReferences.Scheme.Length..])}. Write image:ID, the id of a stored image.";

    /// <summary>The error for such a <c>cover</c>.</summary>
    public static string CoverProblem(string url) =>
        $"'cover' is {Shown(url)}, a reference that names no image: {WhyNoId(url[ImageReferences.Scheme.Length..])}. Write image:ID, the id of a stored image.";

    private static string WhyNoId(string written) => written switch
    {
        "" => "it gives no id",
        _ when written.All(char.IsAsciiDigit) => written.Any(digit => digit != '0')
            ? $"{Shown(written)} is past the largest id, {long.MaxValue}"
            : $"{Shown(written)} is no id (ids start at 1)",
        ['-', .. var digits] when digits.Length > 0 && digits.All(char.IsAsciiDigit) => $"{Shown(written)} is negative (ids start at 1)",
        _ => $"'{Shown(written)}' is not an id, a whole number from 1",
    };

    /// <summary>As the API shows a refused reference: at most 60 characters.</summary>
    private static string Shown(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
