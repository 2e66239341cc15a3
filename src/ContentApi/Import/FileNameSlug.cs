using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The slug a site makes of a post's file name, which its URL holds (<c>import --slugs-from-file-names</c>): the name
/// without its extension, Hugo's language suffix (<c>post.ja.md</c>) and the date it starts with
/// (<c>2024-05-01-welcome.md</c>, <see cref="FileNameDate"/>); for a page bundle (<c>qwen/index.md</c>), its folder's
/// name. Written as this API writes slugs (<see cref="Slugs.FromText"/>): <c>Hello World</c> is <c>hello-world</c>.
/// </summary>
internal static class FileNameSlug
{
    /// <summary>The slug, or null when the name holds no word.</summary>
    public static string? Of(string file)
    {
        var slug = Slugs.FromText(FileNameDate.WithoutDate(FileNameDate.NameOf(file)), fallback: "");
        return slug.Length > 0 ? slug : null;
    }
}
