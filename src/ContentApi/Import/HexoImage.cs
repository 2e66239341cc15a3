using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hexo's picture tags alone on their line, <c>{% img [classes] URL [width] [height] [title [alt]] %}</c> and
/// <c>{% asset_img [classes] FILE [width] [height] [title [alt]] %}</c>, a file of the post's asset folder (the folder
/// named as the post, beside it): the picture, with its alt text (else its title), which import makes the Markdown image
/// it is, as it does Hugo's figure (<see cref="HugoFigure"/>).
/// </summary>
internal static partial class HexoImage
{
    /// <param name="assetFolder">The post's asset folder, its file's name without the extension.</param>
    public static (string Src, string Alt, string? Caption, string? Credit)? Read(string trimmedLine, string assetFolder)
    {
        if (HexoTag.Parse(trimmedLine) is not { Name: "img" or "asset_img" or "asset_image" } tag)
        {
            return null;
        }
        // Class names come before the source, which is a path or URL (it holds a dot or a slash) and they are not.
        var at = tag.Arguments.ToList().FindIndex(argument => argument.Contains('.') || argument.Contains('/'));
        if (at < 0)
        {
            return null;
        }
        var rest = tag.Arguments.Skip(at + 1).SkipWhile(argument => Size().IsMatch(argument)).ToList();
        var src = tag.Name == "img" ? tag.Arguments[at] : AssetUrl(assetFolder, tag.Arguments[at]);
        return (src, Alt(rest), null, null);
    }

    /// <summary>The alt text of a quoted title and alt (<c>'"title" "alt"'</c>), else the title, the rest of the words.</summary>
    private static string Alt(List<string> rest) =>
        rest is [var only] && TitleAndAlt().Match(only) is { Success: true } both ? both.Groups["alt"].Value : string.Join(' ', rest);

    /// <summary>The asset's path from the post's page: its folder, then the file, each segment escaped as a URL's.</summary>
    private static string AssetUrl(string assetFolder, string file) =>
        string.Join('/', file.Split('/').Prepend(assetFolder).Select(Uri.EscapeDataString));

    [GeneratedRegex(@"^\d+(px|%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();

    [GeneratedRegex("""^"(?<title>[^"]*)"\s+"(?<alt>[^"]*)"$""", RegexOptions.CultureInvariant)]
    private static partial Regex TitleAndAlt();
}
