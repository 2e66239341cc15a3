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

    public (SiteProfiles Profiles, IReadOnlyList<ImportProblem> Problems) For(string file)
    {
        var problems = new List<ImportProblem>();
        var profiles = Of(Path.GetDirectoryName(Path.GetFullPath(file)) ?? _root, problems);
        return (profiles, problems);
    }

    private SiteProfiles Of(string folder, List<ImportProblem> problems)
    {
        if (_folders.TryGetValue(folder, out var known))
        {
            return known;
        }
        var parent = Path.GetDirectoryName(folder);
        var above = folder != _root && parent is not null && IsWithinRoot(parent) ? Of(parent, problems) : SiteProfiles.None;
        var authors = new Dictionary<string, NamedRef>(above.Authors, StringComparer.Ordinal);
        var tags = new Dictionary<string, NamedRef>(above.Tags, StringComparer.Ordinal);
        foreach (var (name, ofAuthors) in SiteProfiles.FileNames)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }
            string yaml;
            try
            {
                yaml = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ImportProblem(path, 1, $"not read: {exception.Message}", ImportSeverity.Warning));
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
