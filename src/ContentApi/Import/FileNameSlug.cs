using System.Text.RegularExpressions;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The slug Jekyll and Hugo make of a post's file name, which its URL holds (<c>import --slugs-from-file-names</c>): the
/// name without its extension, Hugo's language suffix (<c>post.ja.md</c>) and Jekyll's date (<c>2024-05-01-welcome.md</c>);
/// for a Hugo page bundle or section (<c>qwen/index.md</c>, <c>2024/_index.md</c>), its folder's name. Written as this API
/// writes slugs (<see cref="Slugs.FromText"/>): <c>Hello World</c> is <c>hello-world</c>.
/// </summary>
internal static partial class FileNameSlug
{
    /// <summary>The slug, or null when the name holds no word.</summary>
    public static string? Of(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        if (LanguageGuess.FromFileName(file) is not null)
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }
        if (stem is "index" or "_index")
        {
            stem = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
        }
        var slug = Slugs.FromText(JekyllDate().Replace(stem, ""), fallback: "");
        return slug.Length > 0 ? slug : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllDate();
}
