namespace ContentApi.Import;

/// <summary>
/// Finds a post's <see cref="SiteProfiles"/>: the authors and tags files in its folder and each folder above it up to
/// the folder imported (Docusaurus keeps them in <c>blog/</c>, MkDocs Material in <c>docs/blog/</c>, its posts in
/// <c>posts/</c> under it), a nearer file's key first. Each file is read once; its warnings come with the first post
/// that reads it.
/// </summary>
public sealed class SiteProfileFiles(string root)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly Dictionary<string, SiteProfiles> _folders = new(StringComparer.Ordinal);

    public async Task<(SiteProfiles Profiles, IReadOnlyList<ImportProblem> Problems)> ForAsync(string file, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var profiles = await OfAsync(Path.GetDirectoryName(Path.GetFullPath(file)) ?? _root, problems, cancellationToken);
        return (profiles, problems);
    }

    private async Task<SiteProfiles> OfAsync(string folder, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (_folders.TryGetValue(folder, out var known))
        {
            return known;
        }
        var parent = Path.GetDirectoryName(folder);
        var above = folder != _root && parent is not null && IsWithinRoot(parent) ? await OfAsync(parent, problems, cancellationToken) : SiteProfiles.None;
        var authors = new Dictionary<string, NamedRef>(above.Authors, StringComparer.Ordinal);
        var tags = new Dictionary<string, NamedRef>(above.Tags, StringComparer.Ordinal);
        foreach (var (name, ofAuthors) in SiteProfiles.FileNames)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }
            // Read as a post is: a named pipe was waited on for ever, a file of gigabytes read whole, and bytes that are
            // not UTF-8 taken as U+FFFD.
            var (yaml, unreadable) = await ImportFileText.ReadAsync(path, cancellationToken);
            if (yaml is null)
            {
                problems.Add(unreadable! with { Message = $"not read: {unreadable.Message}", Severity = ImportSeverity.Warning });
                continue;
            }
            foreach (var (key, named) in SiteProfiles.Read(path, yaml, ofAuthors, problems))
            {
                (ofAuthors ? authors : tags)[key] = named;
            }
        }
        return _folders[folder] = new SiteProfiles(authors, tags);
    }

    private bool IsWithinRoot(string folder) =>
        folder == _root || folder.StartsWith(Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
