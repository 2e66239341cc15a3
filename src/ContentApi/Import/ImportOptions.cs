namespace ContentApi.Import;

/// <summary>What the <c>import</c> command was told of the site its files come from.</summary>
/// <param name="ImageBase">Where the imported folder is served (<c>--image-base-url</c>), to make images given as paths images.</param>
/// <param name="SlugsFromFileNames">Without a <c>slug</c> key, take the slug Jekyll and Hugo make of the file name (<c>--slugs-from-file-names</c>).</param>
/// <param name="DefaultAuthor">The author of a file that names none (<c>--author</c>).</param>
/// <param name="SiteZone">The site's time zone, for dates written without an offset (<c>--time-zone</c>); null: the one its configuration names (<see cref="SiteTimeZones"/>), else UTC.</param>
/// <param name="Profiles">The site's authors and tags files beside the posts (<see cref="SiteProfileFiles"/>); null: none are read.</param>
public sealed record ImportOptions(
    ImageBaseUrl? ImageBase = null, bool SlugsFromFileNames = false, string? DefaultAuthor = null, TimeZoneInfo? SiteZone = null, SiteProfileFiles? Profiles = null)
{
    public static ImportOptions None { get; } = new();

    private readonly SiteTimeZones _configuredZones = new();

    /// <summary>What the parser is told of <paramref name="file"/>, and a warning when its site's configuration names a time zone that cannot be used.</summary>
    public (ParseOptions Options, ImportProblem? ZoneProblem) For(string file, SiteProfiles? profiles = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var (configured, problem) = SiteZone is null ? _configuredZones.Of(file) : (null, null);
        return (new(ImageBase?.PageOf(file), SlugsFromFileNames, DefaultAuthor, SiteZone ?? configured, profiles, relative => File.Exists(Path.Combine(folder, relative)), SiteKinds.Of(file)), problem);
    }
}
