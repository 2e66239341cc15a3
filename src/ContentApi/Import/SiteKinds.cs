namespace ContentApi.Import;

/// <summary>
/// The <see cref="SiteKind"/> of a file, from its folder and every folder above it, past the folder imported: a Jekyll
/// site is often imported by its <c>_posts</c> folder, and an Obsidian vault by one of its folders.
/// </summary>
public static class SiteKinds
{
    public static SiteKind Of(string file)
    {
        var kind = SiteKind.None;
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(file)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "_config.yml")) && Directory.Exists(Path.Combine(folder, "_posts")))
            {
                kind |= SiteKind.Jekyll;
            }
            if (Directory.Exists(Path.Combine(folder, ".obsidian")))
            {
                kind |= SiteKind.ObsidianVault;
            }
        }
        return kind;
    }
}
