namespace ContentApi.Import;

/// <summary>
/// What a file's site is, where its front matter means something of its own (<see cref="SiteKinds"/>): a Jekyll site's
/// <c>tags</c> and <c>categories</c> written as one text are words; an Obsidian vault's <c>aliases</c> are other names
/// of a note, not its earlier URLs, unless the vault is (in) a Hugo site.
/// </summary>
[Flags]
public enum SiteKind
{
    None = 0,

    /// <summary>A folder above the file holds <c>_config.yml</c> and a <c>_posts</c> folder.</summary>
    Jekyll = 1,

    /// <summary>A folder above the file holds an <c>.obsidian</c> folder.</summary>
    ObsidianVault = 2,

    /// <summary>
    /// A folder above the file holds Hugo's settings (<c>hugo.toml</c>, or an older <c>config.toml</c> beside a
    /// <c>content</c> or <c>archetypes</c> folder): its <c>aliases</c> are Hugo's, also where Obsidian edits the site.
    /// </summary>
    Hugo = 4,
}
