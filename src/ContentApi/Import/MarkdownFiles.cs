namespace ContentApi.Import;

/// <summary>
/// The Markdown files (<c>.md</c>, <c>.markdown</c>, and <c>.mdown</c>, <c>.mkd</c>, <c>.mkdn</c>, <c>.mkdown</c> as older
/// Jekyll sites name them) under a folder, in ordinal order of path. Linked folders are
/// followed once each, by where they lead: a link back up the tree (a loop) was followed until the path grew too long.
/// Hidden files and folders (a name starting with a dot: <c>.github</c>, an editor's <c>.obsidian/.trash</c>) are
/// not content and are left out, as static site generators leave them out. Files that look like posts but are not
/// read as ones are listed apart, with the reason, so that an import says what it left out.
/// </summary>
public static class MarkdownFiles
{
    /// <summary>The files to import, and those left out with the reason.</summary>
    public sealed record Listing(string[] Files, IReadOnlyList<(string File, string Why)> LeftOut);

    public static string[] In(string folder) => List(folder).Files;

    public static Listing List(string folder)
    {
        var files = new List<string>();
        var leftOut = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var directory))
        {
            string[] entries, children;
            try
            {
                if (!seen.Add(RealPath(directory)))
                {
                    continue;
                }
                (entries, children) = (Directory.GetFiles(directory), Directory.GetDirectories(directory));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder whose name the file system cannot give back (not UTF-8) or may not be read: the rest is imported.
                leftOut.Add((directory, $"not imported: the folder could not be read ({(NonUtf8Name.Is(directory) ? NonUtf8Name.Why : exception.Message)})."));
                continue;
            }
            foreach (var file in entries.Where(file => !IsHidden(file)))
            {
                if (WhyLeftOut(file) is { } why)
                {
                    leftOut.Add((file, why));
                }
                else if (IsMarkdown(file))
                {
                    files.Add(file);
                }
            }
            foreach (var child in children.Where(child => !IsHidden(child)))
            {
                pending.Push(child);
            }
        }
        return new([.. files.Order(StringComparer.Ordinal)], [.. leftOut.OrderBy(entry => entry.Item1, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Hugo's and Zola's <c>_index.md</c> is a section's list page (its title and intro), not a post; an MDX file's JSX
    /// components and expressions would be published as text.
    /// </summary>
    private static string? WhyLeftOut(string file) =>
        IsMdx(file)
            ? $"not imported: an MDX file, whose {MdxJsx} would be published as text. Rewrite the JSX as Markdown and rename the file to .md to import it."
            : IsMarkdown(file) && Path.GetFileName(file).StartsWith("_index.", StringComparison.Ordinal)
                ? "not imported: '_index' is a section's list page (Hugo, Zola), not a post. Give the file to import by itself to import it as an article."
                : null;

    public static bool IsMdx(string file) => file.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    /// <summary>What an MDX file holds that Markdown does not.</summary>
    public const string MdxJsx = "JSX (components, {…} expressions, import lines)";

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static readonly string[] Extensions = [".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mkdown"];

    private static bool IsMarkdown(string file) => Extensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every link along the path resolved, not only the last: a link written <c>../</c> led to its folder's parent spelt
    /// with a trailing separator, and one reached through it to a path through the link itself, so a loop went unseen.
    /// </summary>
    private static string RealPath(string directory) => Data.ServerLock.RealPath(Path.GetFullPath(directory));
}
