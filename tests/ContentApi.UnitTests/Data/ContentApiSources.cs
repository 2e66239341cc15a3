namespace ContentApi.UnitTests.Data;

/// <summary>The app's own C# files (src/ContentApi, build output aside), read from the repository these tests were built from.</summary>
internal static class ContentApiSources
{
    /// <summary>Each file but SQLite's dialect (src/ContentApi/Data/SqliteDialect*.cs), by its path from the repository's root.</summary>
    public static IEnumerable<(string Path, string Text)> OutsideTheDialect()
    {
        var root = RepositoryRoot();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "ContentApi"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!path.StartsWith("src/ContentApi/Data/SqliteDialect", StringComparison.Ordinal)
                && !path.StartsWith("src/ContentApi/obj/", StringComparison.Ordinal) && !path.StartsWith("src/ContentApi/bin/", StringComparison.Ordinal))
            {
                yield return (path, File.ReadAllText(file));
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContentApi.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ContentApi.sln not found above the test binaries.");
    }
}
