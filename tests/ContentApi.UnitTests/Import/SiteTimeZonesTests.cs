using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>The time zone a site's configuration names for its posts' dates without an offset (noticed, stop 73: not read).</summary>
public sealed class SiteTimeZonesTests : IDisposable
{
    private readonly DirectoryInfo _site = Directory.CreateTempSubdirectory("site-zones-");

    public void Dispose() => _site.Delete(recursive: true);

    private string Post(params string[] folders)
    {
        var folder = Directory.CreateDirectory(Path.Combine([_site.FullName, .. folders])).FullName;
        var post = Path.Combine(folder, "post.md");
        File.WriteAllText(post, "---\ntitle: T\n---\n");
        return post;
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_site.FullName, name), text);

    [Theory]
    [InlineData("_config.yml", "title: Blog\ntimezone: Asia/Taipei\n", "source/_posts")]
    [InlineData("_config.yml", "timezone: \"Asia/Taipei\" # the site's\n", "_posts")]
    [InlineData("hugo.toml", "baseURL = 'https://example.org/'\ntimeZone = 'Asia/Taipei'\n[params]\ntimeZone = 'UTC'\n", "content/posts")]
    [InlineData("hugo.yaml", "title: Blog\ntimezone: Asia/Taipei\n", "content/posts")]
    [InlineData("config.toml", "TimeZone = \"Asia/Taipei\"\n", "content/posts")]
    public void A_sites_configuration_names_its_time_zone(string settings, string text, string posts)
    {
        Directory.CreateDirectory(Path.Combine(_site.FullName, "_posts"));
        Write(settings, text);
        var (zone, problem) = new SiteTimeZones().Of(Post(posts.Split('/')));
        Assert.Null(problem);
        Assert.Equal("Asia/Taipei", zone?.Id);
    }

    [Theory]
    // Blank (Hexo's default: the machine's zone), nested under another key, a value rather than a key, no posts folder beside it, or not YAML.
    [InlineData("_config.yml", "title: Blog\ntimezone: ''\n")]
    [InlineData("_config.yml", "deploy:\n  timezone: Asia/Taipei\n")]
    [InlineData("_config.yml", "title: timezone\nsubtitle: Asia/Taipei\n")]
    [InlineData("_config.yml", "timezone: [Asia/Taipei]\n")]
    [InlineData("_config.yml", "timezone: Asia/Taipei\n  : : [\n")]
    [InlineData("config.toml", "timeZone = 'Asia/Taipei'\n")]
    public void Other_settings_name_none(string settings, string text)
    {
        Directory.CreateDirectory(Path.Combine(_site.FullName, "_posts"));
        Write(settings, text);
        var (zone, problem) = new SiteTimeZones().Of(Post("posts"));
        Assert.Null(zone);
        Assert.Null(problem);
    }

    [Fact]
    public void A_zone_the_machine_does_not_know_is_told_at_its_line_with_the_first_post_only()
    {
        Directory.CreateDirectory(Path.Combine(_site.FullName, "_posts"));
        Write("_config.yml", "title: Blog\n\ntimezone: Taipei\n");
        var zones = new SiteTimeZones();

        var (zone, problem) = zones.Of(Post("_posts"));

        Assert.Null(zone);
        Assert.Equal((Path.Combine(_site.FullName, "_config.yml"), 3, ImportSeverity.Warning), (problem!.File, problem.Line, problem.Severity));
        Assert.StartsWith("time zone 'Taipei' is none this machine knows", problem.Message, StringComparison.Ordinal);
        Assert.Equal((null, null), zones.Of(Post("_posts", "more")));
    }
}
