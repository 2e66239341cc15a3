namespace ContentApi.Import;

/// <summary>What <see cref="MarkdownImportParser"/> is told of the site a file comes from (<see cref="ImportOptions"/>, for one file).</summary>
/// <param name="ImagePage">Where the file's page is served (<see cref="ImageBaseUrl.PageOf"/>), to resolve images given as paths; null: they stay as written.</param>
/// <param name="SlugFromFileName">Without a <c>slug</c> key, the slug is the one Jekyll and Hugo make of the file name (<see cref="FileNameSlug"/>).</param>
/// <param name="DefaultAuthor">The author of a file that names none (front matter or byline), as a site's configuration gives one.</param>
/// <param name="SiteZone">The site's time zone, for dates written without an offset (<see cref="FrontMatterDate"/>); null: UTC.</param>
/// <param name="Profiles">The authors and tags the site defines by key, for the file's names of them (<see cref="SiteProfiles"/>).</param>
/// <param name="FileExistsBeside">Whether a path relative to the file's folder names a file (<see cref="CoverInImagesFolder"/>); null: none is looked for.</param>
/// <param name="Site">What the file's site is, for the keys it means something of its own by (<see cref="SiteKind"/>).</param>
public sealed record ParseOptions(
    Uri? ImagePage = null, bool SlugFromFileName = false, string? DefaultAuthor = null, TimeZoneInfo? SiteZone = null, SiteProfiles? Profiles = null,
    Func<string, bool>? FileExistsBeside = null, SiteKind Site = SiteKind.None)
{
    public static ParseOptions None { get; } = new();
}
