namespace ContentApi.Import;

/// <summary>
/// The Markdown files (<c>.md</c>, <c>.markdown</c>) under a folder, in ordinal order of path. Linked folders are
/// followed once each, by where they lead: a link back up the tree (a loop) was followed until the path grew too long.
/// Hidden files and folders (a name starting with a dot: <c>.github</c>, an editor's <c>.obsidian/.trash</c>) are
/// not content and are left out, as static site generators leave them out.
/// </summary>
public static class MarkdownFiles
{
    public static string[] In(string folder)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var directory))
        {
            if (!seen.Add(RealPath(directory)))
            {
                continue;
            }
            files.AddRange(Directory.EnumerateFiles(directory).Where(file => IsMarkdown(file) && !IsHidden(file)));
            foreach (var child in Directory.EnumerateDirectories(directory).Where(child => !IsHidden(child)))
            {
                pending.Push(child);
            }
        }
        return [.. files.Order(StringComparer.Ordinal)];
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static bool IsMarkdown(string file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static string RealPath(string directory) =>
        new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory);
}
