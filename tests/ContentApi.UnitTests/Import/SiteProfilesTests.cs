using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Docusaurus and MkDocs Material define a blog's authors (and Docusaurus its tags) once, by key, in a file beside the
/// posts, which name them by key: a migration trial found authors named <c>slorber</c> and <c>squidfunk</c>, tags named
/// by their keys, and every bio, site and portrait lost.
/// </summary>
public sealed class SiteProfilesTests
{
    private static (IReadOnlyDictionary<string, NamedRef> Entries, List<ImportProblem> Problems) Read(string file, bool ofAuthors, params string[] lines)
    {
        var problems = new List<ImportProblem>();
        return (SiteProfiles.Read(file, Import.Lines(lines), ofAuthors, problems), problems);
    }

    [Fact]
    public void Docusaurus_authors_are_read_by_key_with_their_title_site_portrait_and_email()
    {
        var (authors, problems) = Read("blog/authors.yml", true,
            "slorber:", "  name: Sébastien Lorber", "  title: Docusaurus maintainer", "  url: https://sebastienlorber.com",
            "  image_url: https://github.com/slorber.png", "  page: true", "  socials:", "    x: sebastienlorber",
            "yangshun:", "  name: Yangshun Tay", "  image_url: /img/yangshun.png", "  email: yangshun@example.com");

        Assert.Equal(new NamedRef("Sébastien Lorber", "slorber", new NamedDetails("Docusaurus maintainer", "https://sebastienlorber.com", "https://github.com/slorber.png")), authors["slorber"]);
        Assert.Equal(new NamedRef("Yangshun Tay", "yangshun", new NamedDetails(Email: "yangshun@example.com")), authors["yangshun"]);
        var warning = Assert.Single(problems);
        Assert.Equal((11, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.StartsWith("'image_url' /img/yangshun.png left out: a portrait is read from an absolute http(s) URL", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mkdocs_materials_authors_are_under_authors_with_a_description_and_avatar()
    {
        var (authors, problems) = Read("docs/blog/.authors.yml", true,
            "authors:", "  squidfunk:", "    name: Martin Donath", "    description: Creator", "    avatar: https://github.com/squidfunk.png");

        Assert.Empty(problems);
        Assert.Equal(new NamedRef("Martin Donath", "squidfunk", new NamedDetails("Creator", PictureUrl: "https://github.com/squidfunk.png")), Assert.Single(authors).Value);
    }

    [Fact]
    public void Docusaurus_tags_have_a_label_a_permalink_slug_and_a_description()
    {
        var (tags, problems) = Read("blog/tags.yml", false,
            "facebook:", "  label: Facebook", "  permalink: /facebook", "  description: Facebook tag description", "hello:", "  label: Hello", "docusaurus: {}");

        Assert.Empty(problems);
        Assert.Equal(new NamedRef("Facebook", "facebook", new NamedDetails("Facebook tag description")), tags["facebook"]);
        Assert.Equal(new NamedRef("Hello", "hello"), tags["hello"]);
        Assert.Equal(new NamedRef("docusaurus", "docusaurus"), tags["docusaurus"]);
    }

    [Theory]
    [InlineData("a: [b")]
    [InlineData("- a")]
    public void A_file_that_cannot_be_read_is_a_warning_and_defines_nothing(string yaml)
    {
        var (authors, problems) = Read("blog/authors.yml", true, yaml);
        Assert.Empty(authors);
        Assert.Equal(ImportSeverity.Warning, Assert.Single(problems).Severity);
    }

    [Fact]
    public void An_author_without_a_name_is_left_out_with_a_warning()
    {
        var (authors, problems) = Read("blog/authors.yml", true, "jd:", "  title: Writer");
        Assert.Empty(authors);
        Assert.Equal("'jd' gives no 'name': left out.", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_post_naming_keys_names_those_authors_and_tags_and_other_names_stay_names()
    {
        var profiles = new SiteProfiles(
            new Dictionary<string, NamedRef> { ["slorber"] = new("Sébastien Lorber", "slorber") },
            new Dictionary<string, NamedRef> { ["facebook"] = new("Facebook", "facebook") });
        var document = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "authors: [slorber, Jane Doe]", "tags: [facebook, other]", "---", "Body"),
            new ParseOptions(Profiles: profiles)).Document!;

        Assert.Equal([new NamedRef("Sébastien Lorber", "slorber"), new NamedRef("Jane Doe")], document.Authors);
        Assert.Equal([new NamedRef("Facebook", "facebook"), new NamedRef("other")], document.Tags);
    }

    /// <summary>Docusaurus' and vuepress-theme-hope's authors written in the post: all but the name was ignored with a warning.</summary>
    [Fact]
    public void An_author_written_in_the_post_keeps_its_title_site_and_portrait()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "authors:", "  name: Joel Marcey", "  title: Co-creator of Docusaurus 1",
            "  url: https://github.com/JoelMarcey", "  image_url: https://github.com/JoelMarcey.png", "  socials:", "    x: joelmarcey", "---", "Body"));

        Assert.Equal([new NamedRef("Joel Marcey", null, new NamedDetails("Co-creator of Docusaurus 1", "https://github.com/JoelMarcey", "https://github.com/JoelMarcey.png"))],
            result.Document!.Authors);
        Assert.Equal("Unknown key 'socials' under 'authors' ignored.", Assert.Single(result.Problems).Message);
    }

    /// <summary>Docusaurus' older keys for a post's one author were unknown keys.</summary>
    [Fact]
    public void Docusaurus_older_author_keys_describe_the_one_author()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "author: Joel Marcey", "author_title: Co-creator of Docusaurus 1",
            "author_url: https://github.com/JoelMarcey", "author_image_url: https://github.com/JoelMarcey.png", "---", "Body"));

        Assert.Empty(result.Problems);
        Assert.Equal([new NamedRef("Joel Marcey", null, new NamedDetails("Co-creator of Docusaurus 1", "https://github.com/JoelMarcey", "https://github.com/JoelMarcey.png"))],
            result.Document!.Authors);
    }

    [Theory]
    [InlineData("authors: [A, B]")]
    [InlineData("author: A and B")]
    public void Older_author_keys_beside_several_authors_are_ignored_with_a_warning(string authors)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", authors, "author_url: https://example.com/a", "---", "Body"));

        Assert.Equal([new NamedRef("A"), new NamedRef("B")], result.Document!.Authors);
        Assert.Equal((4, ImportSeverity.Warning), (Assert.Single(result.Problems).Line, result.Problems[0].Severity));
    }

    /// <summary>Review: a root given with a trailing slash (as shells complete it) hid the files above a post's folder.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task The_files_above_a_posts_folder_are_found_up_to_the_root_however_it_is_written(string trailing)
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-siteprofiles", Guid.NewGuid().ToString("N"), "blog");
        Directory.CreateDirectory(Path.Combine(root, "posts"));
        File.WriteAllText(Path.Combine(root, ".authors.yml"), Import.Lines("authors:", "  squidfunk:", "    name: Martin Donath"));
        File.WriteAllText(Path.Combine(root, "..", "authors.yml"), Import.Lines("outside:", "  name: Not This Site's"));

        var (profiles, problems) = await new SiteProfileFiles(root + trailing).ForAsync(Path.Combine(root, "posts", "hello.md"), CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal(["squidfunk"], profiles.Authors.Keys);
    }

    /// <summary>
    /// Hunt: a site's authors file was read whole with File.ReadAllText: one of 3 GB ended the import with an
    /// OutOfMemoryException and its stack trace, bytes that are not UTF-8 became U+FFFD in a name without a word, and a
    /// named pipe (the import leaves those unread) was waited on for ever. Each is now a warning, as a file that cannot be
    /// read is, and the other files still define their entries.
    /// </summary>
    [Fact]
    public async Task An_authors_file_too_large_not_utf8_or_a_named_pipe_is_a_warning_and_not_waited_on()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-siteprofiles", Guid.NewGuid().ToString("N"), "blog");
        Directory.CreateDirectory(Path.Combine(root, "big", "posts"));
        Directory.CreateDirectory(Path.Combine(root, "latin1"));
        Directory.CreateDirectory(Path.Combine(root, "pipe"));
        File.WriteAllText(Path.Combine(root, "tags.yml"), Import.Lines("news:", "  label: News"));
        using (var sparse = File.Create(Path.Combine(root, "big", "authors.yml")))
        {
            sparse.SetLength(ImportFileText.MaxBytes + 1);
        }
        File.WriteAllBytes(Path.Combine(root, "latin1", "authors.yml"), [.. "jose:\n  name: Jos"u8, 0xE9, (byte)'\n']);
        var pipe = Path.Combine(root, "pipe", "authors.yml");
        Assert.Equal(0, MakeFifo([.. System.Text.Encoding.UTF8.GetBytes(pipe), 0], Convert.ToUInt32("644", 8)));
        var files = new SiteProfileFiles(root);

        var (big, bigProblems) = await files.ForAsync(Path.Combine(root, "big", "posts", "a.md"), CancellationToken.None);
        var (latin1, latin1Problems) = await files.ForAsync(Path.Combine(root, "latin1", "a.md"), CancellationToken.None);
        var reading = Task.Run(() => files.ForAsync(Path.Combine(root, "pipe", "a.md"), CancellationToken.None));
        try
        {
            var (piped, pipeProblems) = await reading.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(["news"], piped.Tags.Keys);
            Assert.Empty(piped.Authors);
            Assert.StartsWith("not read: The file is empty, or is not a regular file", Assert.Single(pipeProblems).Message, StringComparison.Ordinal);
        }
        finally
        {
            if (!reading.IsCompleted)
            {
                File.OpenWrite(pipe).Dispose(); // the reader waits for a writer: one that closes at once ends its read
            }
        }

        Assert.Equal(["news"], big.Tags.Keys);
        Assert.Empty(big.Authors);
        Assert.StartsWith("not read: The file has 4,194,305 bytes", Assert.Single(bigProblems).Message, StringComparison.Ordinal);
        Assert.Empty(latin1.Authors);
        var notUtf8 = Assert.Single(latin1Problems);
        Assert.Equal((2, ImportSeverity.Warning), (notUtf8.Line, notUtf8.Severity));
        Assert.Equal("not read: The file is not valid UTF-8 here (save it as UTF-8).", notUtf8.Message);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(byte[] path, uint mode);

    /// <summary>
    /// Review: a bio past the API's length or with a control character, in a site's authors file, failed every post naming
    /// that author, each error quoting the whole value; a bad email was already left out with a warning.
    /// </summary>
    [Fact]
    public void A_value_the_api_refuses_is_left_out_with_a_shortened_warning_and_the_entry_kept()
    {
        var (authors, problems) = Read("blog/authors.yml", true,
            "big:", "  name: Big", $"  title: {new string('y', 6000)}", "ctl:", "  name: Ctl", "  title: \"bio with \\a bell\"");
        var (tags, tagProblems) = Read("blog/tags.yml", false, "t:", "  label: T", $"  description: {new string('z', 2001)}");

        Assert.Equal(new NamedRef("Big", "big"), authors["big"]);
        Assert.Equal(new NamedRef("Ctl", "ctl"), authors["ctl"]);
        Assert.Equal(new NamedRef("T", "t"), tags["t"]);
        Assert.Equal([3, 6, 3], problems.Concat(tagProblems).Select(p => p.Line));
        Assert.All(problems.Concat(tagProblems), p => Assert.True(p.Severity == ImportSeverity.Warning && p.Message.Length < 300, p.Message));
        Assert.StartsWith($"'title' {new string('y', 100)}… left out: Must be at most 5000 characters", problems[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Fuzz: YamlDotNet's loader overflowed the stack on these (the process died) and hashed a key of aliases of aliases for minutes.</summary>
    [Theory]
    [InlineData(50_000, null)]
    [InlineData(0, "? &a [*a]\n: 1")]
    [InlineData(0, "x: &a [lol, lol]\n? *a\n: 1")]
    public void A_file_the_yaml_loader_cannot_be_given_is_a_warning(int depth, string? yaml)
    {
        var problems = new List<ImportProblem>();
        var entries = SiteProfiles.Read("blog/tags.yml", yaml ?? new string('[', depth) + new string(']', depth), false, problems);

        Assert.Empty(entries);
        Assert.EndsWith("so its entries are not read.", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    /// <summary>Fuzz: two keys defined with one slug named one tag without a word, and an entry keyed "" was dropped silently.</summary>
    [Fact]
    public void Two_keys_of_one_slug_are_told_and_an_entry_without_a_key_too()
    {
        var problems = new List<ImportProblem>();
        var tags = SiteProfiles.Read("blog/tags.yml", Import.Lines("news: {label: News, permalink: /tags/news}", "announcements: {label: Announcements, permalink: /tags/news}", "'': {label: Nothing}"), false, problems);
        Assert.Equal("an entry without a key, which no post can name: left out.", Assert.Single(problems).Message);

        var resolved = SiteProfiles.Resolve([new NamedRef("news"), new NamedRef("announcements")], tags, "post.md", 4, problems);

        Assert.Equal([new NamedRef("News", "news")], resolved);
        Assert.Equal((4, "'announcements' and 'news' are defined with one slug, 'news', so they name one: 'News'."), (problems[^1].Line, problems[^1].Message));
    }
}
