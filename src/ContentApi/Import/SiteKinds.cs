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
            if (IsJekyllSite(folder))
            {
                kind |= SiteKind.Jekyll;
            }
            if (Directory.Exists(Path.Combine(folder, ".obsidian")))
            {
                kind |= SiteKind.ObsidianVault;
            }
            if (HugoSettings(folder) is not null)
            {
                kind |= SiteKind.Hugo;
            }
        }
        return kind;
    }

    private static readonly string[] SettingsFormats = ["toml", "yaml", "yml", "json"];

    /// <summary>Jekyll's settings, <c>_config.yml</c>, beside its <c>_posts</c> folder.</summary>
    internal static bool IsJekyllSite(string folder) =>
        File.Exists(Path.Combine(folder, "_config.yml")) && Directory.Exists(Path.Combine(folder, "_posts"));

    /// <summary>
    /// Hugo's settings file in the folder, or null: <c>hugo.*</c> since 0.110, <c>config.*</c> before, which other tools
    /// name too, so only beside Hugo's folders.
    /// </summary>
    internal static string? HugoSettings(string folder) =>
        SettingsFormats.Select(format => Path.Combine(folder, $"hugo.{format}")).FirstOrDefault(File.Exists) ??
        (Directory.Exists(Path.Combine(folder, "content")) || Directory.Exists(Path.Combine(folder, "archetypes"))
            ? SettingsFormats.Select(format => Path.Combine(folder, $"config.{format}")).FirstOrDefault(File.Exists)
            : null);
}
