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
            if (IsHugoSite(folder))
            {
                kind |= SiteKind.Hugo;
            }
        }
        return kind;
    }

    private static readonly string[] SettingsFormats = ["toml", "yaml", "yml", "json"];

    /// <summary>Hugo's settings file: <c>hugo.*</c> since 0.110, <c>config.*</c> before, which other tools name too, so only beside Hugo's folders.</summary>
    private static bool IsHugoSite(string folder) =>
        SettingsFormats.Any(format => File.Exists(Path.Combine(folder, $"hugo.{format}"))) ||
        (SettingsFormats.Any(format => File.Exists(Path.Combine(folder, $"config.{format}")))
            && (Directory.Exists(Path.Combine(folder, "content")) || Directory.Exists(Path.Combine(folder, "archetypes"))));
}
