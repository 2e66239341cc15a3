using System.Net;
using System.Net.Http.Json;
using ContentApi.Cli;
using ContentApi.Import;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

public sealed class ImportCommandTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Import", name);

    /// <summary>A title no other test uses.</summary>
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The smallest file import takes: a title, an author and a body.</summary>
    private static string Post(string title, string body = "Body.") => $"---\ntitle: {title}\nauthors: J\n---\n\n{body}\n";

    private async Task<string> ListAsync(string resource) =>
        (await (await factory.Reader().GetAsync($"/api/v1/{resource}?limit=100")).AssertJsonAsync()).ToJsonString();

    /// <summary>No resource of these kinds mentions <paramref name="marker"/>: a failed file left nothing behind.</summary>
    private async Task AssertNoneNamedAsync(string marker, params string[] resources)
    {
        foreach (var resource in resources)
        {
            Assert.DoesNotContain(marker, await ListAsync(resource), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Exports the database as Markdown and imports the file of the article with <paramref name="slug"/> back over it,
    /// edited by <paramref name="edit"/>; the import's output and the exported file's text.
    /// </summary>
    private async Task<(string Output, string Exported)> ReimportMarkdownExportAsync(string slug, Func<string, string>? edit = null)
    {
        var exported = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", exported, "--markdown")).ExitCode);
        var text = await File.ReadAllTextAsync(Path.Combine(exported, "markdown", $"{slug}.md"));
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, $"{slug}.md"), edit is null ? text : edit(text));
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(exitCode == 0, output);
        return (output, text);
    }

    [Fact]
    public async Task Import_waits_out_another_process_holding_the_database()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "patient.md"), Post(Unique("Patient")));

        // The server's writer keeps the database locked past the command's busy timeout (2 s), then lets go.
        var held = await Writes.WriterHeld.StartAsync(factory.Services.GetRequiredService<Data.Db>());
        var import = CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await held.DisposeAsync();

        var (exitCode, output) = await import;
        Assert.True(exitCode == 0, output);
        Assert.Contains("articles created: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_linked_into_itself_is_imported_once()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "looped.md"), Post(Unique("Looped")));
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Files read: 1; articles created: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_of_one_import_with_the_same_slug_do_not_replace_each_other()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var title = Unique("Weekly update");
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        await File.WriteAllTextAsync(Path.Combine(folder, "a", "post.md"), Post(title, "Body A."));
        await File.WriteAllTextAsync(Path.Combine(folder, "b", "post.md"), Post(title, "Body B."));

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Contains("articles created: 1, updated: 0, failed: 1", output, StringComparison.Ordinal);
        Assert.Contains("give one of them a 'slug'", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A file naming an article's earlier slug is that article's, from before an edit changed its slug: it created a
    /// second article, which took the old slug over and ended the redirect to the first. The article keeps its slug, and
    /// a second file of the import giving that slug is refused (each file moved the slug back and forth, the last
    /// winning; and once the article was a draft, a second article was created).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_with_an_earlier_slug_of_an_article_updates_that_article_which_keeps_its_slug(bool unpublishedSince)
    {
        var (old, @new) = ($"orig-{Guid.NewGuid():N}"[..20], $"renamed-{Guid.NewGuid():N}"[..20]);
        var id = (await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = old }))["id"]!.GetValue<long>();
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug = @new })).AssertJsonAsync();
        if (unpublishedSince)
        {
            await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { status = "draft" })).AssertJsonAsync();
        }
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), $"---\ntitle: Back\nslug: {old}\nauthors: J\n---\n\nBody.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.md"), $"---\ntitle: Later\nslug: {@new}\nauthors: J\n---\n\nBody.\n");

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.Contains("articles created: 0, updated: 1, failed: 1", output, StringComparison.Ordinal);
        Assert.Contains($"a.md:3: warning: '{old}' was the slug of the article that has '{@new}' now: the file updates that article, which keeps '{@new}'.", output, StringComparison.Ordinal);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/{@new}")).AssertJsonAsync();
        Assert.Equal((id, "Back"), (article["id"]!.GetValue<long>(), article["title"]!.GetValue<string>()));
        var byOld = await factory.Reader().GetAsync($"/api/v1/articles/slug/{old}");
        Assert.Equal(id, (await byOld.AssertJsonAsync())["id"]!.GetValue<long>());
        Assert.Equal($"/api/v1/articles/slug/{@new}", byOld.Content.Headers.ContentLocation?.OriginalString);
    }

    /// <summary>A slug derived from a title never takes an article's earlier slug (as on POST): the file is refused with what to do.</summary>
    [Fact]
    public async Task A_file_whose_title_gives_an_earlier_slug_of_an_article_is_refused()
    {
        var title = Unique("Alias Test");
        var created = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title });
        var (id, derived) = (created["id"]!.GetValue<long>(), created["slug"]!.GetValue<string>());
        var moved = $"{derived}-moved";
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug = moved })).AssertJsonAsync();
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "post.md"), Post(title));
        await File.WriteAllTextAsync(Path.Combine(folder, "heading.md"), $"---\nauthors: J\n---\n\n# {title}\n\nBody.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        // At the title's line (it was line 1).
        Assert.Contains($"post.md:2: error: The article whose slug was '{derived}'", output, StringComparison.Ordinal);
        Assert.Contains($"heading.md:5: error: The article whose slug was '{derived}'", output, StringComparison.Ordinal);
        Assert.Contains($"has the slug '{moved}' now: add 'slug: {moved}'", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await factory.Anonymous().GetAsync($"/api/v1/articles/slug/{derived}")).StatusCode);
    }

    /// <summary>
    /// A problem quoted what the file says as it was, control characters included: a file from elsewhere naming its author
    /// "Ann \e[2J\e[31m" (YAML writes ESC as \e) cleared the operator's terminal and turned it red, one whose file name
    /// held a line break printed a line of its own making, and so did an export's unknown column. Each is shown escaped.
    /// </summary>
    [Fact]
    public async Task What_import_quotes_of_a_file_reaches_the_terminal_with_its_control_characters_escaped()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntitle: \"Hello \\e]0;PWNED\\a\"\nauthors: [\"Ann \\e[2J\\e[31mred\"]\n---\n\nText.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "b\nFiles read: 9.md"), "No title here.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("a.md:3: error: The author name 'Ann \\u001B[2J\\u001B[31mred': ", output, StringComparison.Ordinal);
        Assert.Contains("b\\u000AFiles read: 9.md:1: error: No author", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', output);
        Assert.Equal(5, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // four problems and the summary
    }

    /// <summary>
    /// A control character in a front-matter text was told as "title: Must not contain control characters (such as NUL).",
    /// without saying which of the invisible characters it was; one in the body, at the line where the body starts.
    /// </summary>
    [Theory]
    [InlineData("---\ntitle: a\u0007b\nauthors: J\n---\n\nText.\n", "ctl.md:2: error: title: Must not contain control characters (such as NUL): U+0007 here.")]
    [InlineData("---\nauthors: J\ntitle: \"a \\e[31m red\"\n---\n\nText.\n", "ctl.md:3: error: title: Must not contain control characters (such as NUL): U+001B here.")]
    [InlineData("---\ntitle: T\nauthors: J\nsubtitle: \"s\\x7F\"\n---\n\nText.\n", "ctl.md:4: error: subtitle: Must not contain control characters (such as NUL): U+007F here.")]
    [InlineData("---\ntitle: T\nauthors: J\n---\n\nOne.\n\nTwo\u0007.\n", "ctl.md:8: error: body: Must not contain control characters (such as NUL): U+0007 here.")]
    public async Task A_control_character_is_named_at_its_line(string content, string reported)
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "ctl.md"), content);

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(reported, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_fails_leaves_no_authors_tags_or_images_behind()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(Path.Combine(folder, "orphans.md"),
            $"---\ntitle: Orphans\nauthors: [Orphan {marker} One, Orphan {marker} Two]\ntags: [orphan-{marker}]\nlanguage: \"not a language!!\"\n---\n\n" +
            $"![pic](https://images.example.com/{marker}.png)\n圖源:orphan\n\nbody\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("language", output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors");
        // An image it cannot store fails the file at the image's line, also before anything is created.
        await File.WriteAllTextAsync(Path.Combine(folder, "orphans.md"),
            $"---\ntitle: Orphans\nauthors: [Orphan {marker} One]\n---\n\nText.\n\n![pic](https://images.example.com/{new string('a', 2048)}.png)\n\nbody\n");
        var (_, tooLong) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Contains("orphans.md:8: error: Image https://images.example.com/aaa", tooLong, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors", "tags", "images");
    }

    /// <summary>They were told at line 1, by the API's names for them (authorIds), not the file's (found by a fuzzer).</summary>
    [Fact]
    public async Task A_value_the_api_refuses_is_told_at_its_front_matter_line_by_its_key()
    {
        _ = factory.Services;
        var marker = Guid.NewGuid().ToString("N")[..8];
        var folder = CommandRunner.TempDirectory();
        var authors = string.Concat(Enumerable.Range(0, 51).Select(i => $"- Author {i} {marker}\n"));
        await File.WriteAllTextAsync(Path.Combine(folder, "many.md"), $"---\ntitle: Many {marker}\nlanguage: en\nauthors:\n{authors}---\n\nText.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "old.md"), $"---\ntitle: Old {marker}\nauthors: [A]\ndate: 1800-01-01\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("many.md:4: error: authors: ", output, StringComparison.Ordinal);
        Assert.Contains("old.md:4: error: 'date' 1800-01-01 is outside the years 1900 to 9999 in UTC.", output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors");
    }

    /// <summary>
    /// A cover named by id kept its stored alt text without a word where a file gave another, and an author found by slug
    /// that keeps its stored name was told at line 1 (found by a fuzzer).
    /// </summary>
    [Fact]
    public async Task What_a_file_says_otherwise_of_a_stored_cover_or_author_is_a_warning_at_its_line()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var cover = await content.ImageAsync();
        var author = await (await factory.Writer().GetAsync($"/api/v1/authors/{await content.AuthorAsync($"Stored {marker}")}")).AssertJsonAsync();
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "stored.md"),
            $"---\ntitle: Stored {marker}\nauthors:\n- name: Renamed {marker}\n  slug: {author["slug"]}\ncover:\n  url: image:{cover}\n  alt: 另一個說明\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"stored.md:3: warning: The author '{author["slug"]}' keeps its stored name 'Stored {marker}'", output, StringComparison.Ordinal);
        Assert.Contains($"stored.md:6: warning: Image image:{cover} keeps its stored alt text '示意圖' (this file gives '另一個說明')", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// An author or tag a file names by a slug in another spelling that NFKC reads as the same (a decomposed é, as macOS
    /// editors write it; full-width letters) is the stored one, as GET /authors/slug/{slug} finds it: import matched the
    /// slug byte for byte, missed the author, and then refused the file, the spelling being no slug to create one with.
    /// </summary>
    [Fact]
    public async Task An_author_or_tag_named_by_another_spelling_of_its_slug_is_the_stored_one_as_the_api_finds_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var author = await (await factory.Writer().PostAsJsonAsync("/api/v1/authors", new { name = $"Café {marker}", slug = $"café-{marker}" })).AssertJsonAsync(HttpStatusCode.Created);
        var tag = await (await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = $"Tag {marker}", slug = $"tag-{marker}" })).AssertJsonAsync(HttpStatusCode.Created);
        var (decomposed, fullWidth) = ($"cafe\u0301-{marker}", $"\uFF54ag-{marker}");
        Assert.Equal(author["id"]!.GetValue<long>(), (await (await factory.Reader().GetAsync($"/api/v1/authors/slug/{Uri.EscapeDataString(decomposed)}")).AssertJsonAsync())["id"]!.GetValue<long>());
        Assert.Equal(tag["id"]!.GetValue<long>(), (await (await factory.Reader().GetAsync($"/api/v1/tags/slug/{Uri.EscapeDataString(fullWidth)}")).AssertJsonAsync())["id"]!.GetValue<long>());
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "spelt.md"),
            $"---\ntitle: Spelt {marker}\nslug: spelt-{marker}\nauthors:\n- name: Café {marker}\n  slug: {decomposed}\ntags:\n- name: Tag {marker}\n  slug: {fullWidth}\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/spelt-{marker}")).AssertJsonAsync();
        Assert.Equal([author["id"]!.GetValue<long>()], article["authors"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal([tag["id"]!.GetValue<long>()], article["tags"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
    }

    /// <summary>
    /// A tag the file names as a stored tag is named once in NFKC and lowercased (ai beside AI, ＡＩ, a decomposed é) is
    /// that tag, named by name alone or with a slug no tag has: a tag's name is unique so, and creating it failed.
    /// </summary>
    [Fact]
    public async Task A_tag_named_as_a_stored_one_in_another_case_or_form_is_the_stored_one()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var tag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = $"Café AI {marker}" });
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "by-name.md"),
            $"---\ntitle: By name {marker}\nslug: by-name-{marker}\nauthors: J\ntags: [cafe\u0301 ａｉ {marker}]\n---\n\nText.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "by-slug.md"),
            $"---\ntitle: By slug {marker}\nslug: by-slug-{marker}\nauthors: J\ntags:\n- name: CAFÉ AI {marker}\n  slug: other-{marker}\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        foreach (var slug in new[] { $"by-name-{marker}", $"by-slug-{marker}" })
        {
            var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/{slug}")).AssertJsonAsync();
            Assert.Equal([tag.Id()], article["tags"]!.AsArray().Select(t => t!.Id()));
        }
        await (await factory.Reader().GetAsync($"/api/v1/tags/slug/other-{marker}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A file giving an article's slug in another spelling NFKC reads as the same (a decomposed é) updates that article,
    /// as GET /articles/slug/{slug} finds it, without a warning that the slug "was" that of the article which "has"
    /// the same-looking slug "now": it is no earlier slug, and nothing moved.
    /// </summary>
    [Fact]
    public async Task A_file_giving_an_articles_slug_in_another_spelling_updates_it_without_calling_the_slug_an_earlier_one()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = (await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = $"café-{marker}" }))["id"]!.GetValue<long>();
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "spelt.md"), $"---\ntitle: Respelt {marker}\nslug: cafe\u0301-{marker}\nauthors: J\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/{id}")).AssertJsonAsync();
        Assert.Equal($"Respelt {marker}", article["title"]!.GetValue<string>());
        Assert.Equal($"café-{marker}", article["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a body too complex to store", "[", "refused.md:8: error: body: ")] // told where the body starts
    [InlineData("an author name the API refuses", "Body.", "The author name", "Bell\u0007Name")]
    [InlineData("a tag name the API refuses", "Body.", "The tag name", null, "\u200b\u200b")]
    public async Task A_file_the_api_would_refuse_leaves_no_authors_tags_or_images_behind(string why, string body, string reported, string? author = null, string? tag = null)
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var text = body == "[" ? new string('[', 200) : body; // nested deeper than Markdig can render
        var authors = author is null ? $"\"Orphan {marker}\"" : $"\"Orphan {marker}\", \"{author}\"";
        var tags = tag is null ? $"\"orphan-{marker}\"" : $"\"orphan-{marker}\", \"{tag}\"";
        await File.WriteAllTextAsync(Path.Combine(folder, "refused.md"),
            $"---\ntitle: Refused\nauthors: [{authors}]\ntags: [{tags}]\ncover: {{url: https://images.example.com/{marker}.jpg, alt: cover}}\n---\n\n{text}\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode != 0, why);
        Assert.Contains(reported, output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors", "tags", "images");
    }

    /// <summary>
    /// A file without <c>language</c> imported again over its article: the stored language stays when the guess is of the
    /// same language, since it says more than the guess can (an editor's <c>en-GB</c>; <c>zh</c>, stored by a build before
    /// import told zh-Hant from zh-Hans), so an unchanged file leaves the article alone; it added a version (CJK review).
    /// A guess of another language still replaces it: the body is now in that language.
    /// </summary>
    [Theory]
    [InlineData("台積電今天宣布，將在高雄興建兩座先進製程晶圓廠，預計後年量產。", "zh", "zh", 1)]
    [InlineData("台积电今天宣布，将在高雄兴建两座先进制程晶圆厂，预计后年量产。", "zh-CN", "zh-CN", 1)]
    [InlineData("The results came back positive.", "en-GB", "en-GB", 1)]
    [InlineData("台積電今天宣布，將在高雄興建兩座先進製程晶圓廠，預計後年量產。", "en", "zh-Hant", 0)]
    // A guess of a script alone (und-Arab, und-Cyrl; en for Latin) keeps a stored language written in that script: a
    // Persian article became und-Arab, a Russian one und-Cyrl, a French one en, on every import (CJK review).
    [InlineData("این گزارش درباره بازار کار در تهران است و تحلیلگران انتظار دارند نرخ بیکاری کاهش یابد.", "fa", "fa", 1)]
    [InlineData("هذا التقرير عن سوق العمل في القاهرة.", "ar-EG", "ar-EG", 1)]
    [InlineData("Правительство утвердило новый бюджет на следующий год.", "ru", "ru", 1)]
    [InlineData("Le gouvernement a présenté son budget pour l'année prochaine.", "fr", "fr", 1)]
    // A guess of another script still replaces it.
    [InlineData("Правительство утвердило новый бюджет на следующий год.", "fa", "und-Cyrl", 0)]
    [InlineData("The results came back positive.", "ja", "en", 0)]
    // 'und' is no language two tags can share: a stored guess of another script is replaced.
    [InlineData("هذا التقرير عن سوق العمل في القاهرة.", "und-Cyrl", "und-Arab", 0)]
    // A file name's language suffix still says more than what is stored.
    [InlineData("台積電今天宣布，將在高雄興建兩座先進製程晶圓廠，預計後年量產。", "zh", "zh-HK", 0, ".zh-hk")]
    public async Task A_file_without_a_language_keeps_the_stored_tag_of_the_language_it_guesses(
        string body, string stored, string expected, int unchanged, string suffix = "")
    {
        _ = factory.Services;
        var slug = $"guessed-language-{Guid.NewGuid().ToString("N")[..8]}";
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, $"{slug}{suffix}.md"), $"---\ntitle: {slug}\nslug: {slug}\nauthors: J\n---\n\n{body}\n");
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(exitCode == 0, output);
        await using (var connection = factory.OpenDatabase())
        {
            // As an earlier build, or an editor through the API, stored it.
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE articles SET language = @stored WHERE slug = @slug", new { stored, slug });
        }

        (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"failed: 0, unchanged: {unchanged}", output, StringComparison.Ordinal);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/{slug}")).AssertJsonAsync();
        Assert.Equal(expected, article["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_markdown_export_of_an_article_stored_before_todays_rules_imports_back_over_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"Legacy {marker}", ["slug"] = $"legacy-{marker}" });
        var body = $"legacy {marker}\n\n" + new string('>', 110) + " quoted";
        await using (var connection = factory.OpenDatabase())
        {
            // As a body stored before the limit existed (or imported from elsewhere) may be.
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE articles SET body = @body WHERE id = @id", new { body, id = article["id"]!.GetValue<long>() });
        }

        var (output, _) = await ReimportMarkdownExportAsync($"legacy-{marker}");

        Assert.Contains("failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A body Markdig would take seconds to parse (MarkdownScanCost) stays when stored before the bound or imported from
    /// an export, but its article's Markdown export failed to import back over it, even unchanged: the parser refused
    /// the file before the importer could see that it restates the stored body.
    /// </summary>
    [Fact]
    public async Task A_markdown_export_of_an_article_whose_stored_body_is_too_costly_to_parse_imports_back_over_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"Costly {marker}", ["slug"] = $"costly-{marker}" });
        var body = $"costly {marker} " + string.Concat(Enumerable.Repeat("*a ", 5000));
        Assert.False(Rendering.MarkdownScanCost.IsWithinBudget(body));
        await using (var connection = factory.OpenDatabase())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE articles SET body = @body WHERE id = @id", new { body, id = article["id"]!.GetValue<long>() });
        }

        var (unchanged, _) = await ReimportMarkdownExportAsync($"costly-{marker}");
        Assert.Contains("failed: 0, unchanged: 1", unchanged, StringComparison.Ordinal);

        var (edited, _) = await ReimportMarkdownExportAsync($"costly-{marker}", text => text.Replace($"title: Costly {marker}", $"title: Edited {marker}", StringComparison.Ordinal));
        Assert.Contains("failed: 0, unchanged: 0", edited, StringComparison.Ordinal);
        var stored = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/costly-{marker}")).AssertJsonAsync();
        Assert.Equal(($"Edited {marker}", body), (stored["title"]!.GetValue<string>(), stored["body"]!.GetValue<string>()));

        // A changed body is judged as before: refused, at the line where it starts.
        var folder = CommandRunner.TempDirectory();
        var exported = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", exported, "--markdown")).ExitCode);
        var text = await File.ReadAllTextAsync(Path.Combine(exported, "markdown", $"costly-{marker}.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "changed.md"), text + " more");
        var (exitCode, refused) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Equal(1, exitCode);
        Assert.Contains($"changed.md:{text.Split('\n').ToList().IndexOf("---", 1) + 3}: error: {Rendering.MarkdownScanCost.Explanation}", refused, StringComparison.Ordinal);
    }

    /// <summary>
    /// A value stored before a rule existed (a language such as <c>jp</c>, which earlier builds took; a title past
    /// today's length, which an imported export keeps) does not block a PUT restating it, but failed the Markdown export
    /// of its article when imported back over it, even unchanged.
    /// </summary>
    [Fact]
    public async Task A_markdown_export_of_an_article_with_values_stored_before_todays_rules_imports_back_over_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"Legacy values {marker}", ["slug"] = $"legacy-values-{marker}" });
        var longTitle = $"Legacy values {marker} " + new string('x', 400);
        await using (var connection = factory.OpenDatabase())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE articles SET language = 'jp', title = @longTitle WHERE id = @id",
                new { longTitle, id = article["id"]!.GetValue<long>() });
        }

        var (unchanged, _) = await ReimportMarkdownExportAsync($"legacy-values-{marker}");
        Assert.Contains("failed: 0, unchanged: 1", unchanged, StringComparison.Ordinal);

        // An edit of another field applies and keeps them, as a PUT's does; changing one of them is judged by today's rules.
        var (edited, _) = await ReimportMarkdownExportAsync($"legacy-values-{marker}", text => text.Replace("status: published", "status: draft", StringComparison.Ordinal));
        Assert.Contains("failed: 0, unchanged: 0", edited, StringComparison.Ordinal);
        var stored = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/legacy-values-{marker}")).AssertJsonAsync();
        Assert.Equal(("draft", "jp", longTitle), (stored["status"]!.GetValue<string>(), stored["language"]!.GetValue<string>(), stored["title"]!.GetValue<string>()));

        var folder = CommandRunner.TempDirectory();
        var exported = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", exported, "--markdown")).ExitCode);
        var text = await File.ReadAllTextAsync(Path.Combine(exported, "markdown", $"legacy-values-{marker}.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "changed.md"), text.Replace("language: jp", "language: gr", StringComparison.Ordinal));
        var (exitCode, refused) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Equal(1, exitCode);
        Assert.Contains("error: language: 'gr'", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_export_keeps_the_images_its_body_does_not_place_when_imported_back()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var (gallery, placed, cover) = (await content.ImageAsync(), await content.ImageAsync(), await content.ImageAsync());
        await content.ArticleAsync(new()
        {
            ["title"] = $"Gallery {marker}",
            ["slug"] = $"gallery-{marker}",
            ["body"] = $"Text.\n\n![placed](image:{placed})\n",
            ["imageIds"] = new[] { gallery, placed },
            ["coverImageId"] = cover,
        });

        var (unchanged, exported) = await ReimportMarkdownExportAsync($"gallery-{marker}");
        Assert.Contains($"imageIds: [{gallery}, {placed}]\n", exported, StringComparison.Ordinal);
        Assert.Contains("failed: 0, unchanged: 1", unchanged, StringComparison.Ordinal);

        // An edited file updates the article and keeps the images it lists, the one its body does not place included.
        await ReimportMarkdownExportAsync($"gallery-{marker}", text => text.Replace($"Gallery {marker}", $"Edited {marker}", StringComparison.Ordinal));
        var article = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/gallery-{marker}?include=images,coverImage")).AssertJsonAsync();
        Assert.Equal($"Edited {marker}", article["title"]!.GetValue<string>());
        Assert.Equal([gallery, placed], article["images"]!.AsArray().Select(image => image!.Id()));
        Assert.Equal(cover, article["coverImage"]!.Id());
    }

    /// <summary>
    /// The API takes and renders <c>IMAGE:5</c> as it does <c>image:5</c> (a URI scheme has no case), but import read only
    /// the lowercase form: the export of such a body failed to import, the reference taken for an image to create.
    /// </summary>
    [Theory]
    [InlineData("IMAGE")]
    [InlineData("Image")]
    public async Task A_markdown_export_of_a_body_placing_an_image_in_another_case_imports_back_unchanged(string scheme)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var placed = await content.ImageAsync();
        await content.ArticleAsync(new()
        {
            ["title"] = $"Case {marker}",
            ["slug"] = $"case-{marker}",
            ["body"] = $"Text.\n\n![placed]({scheme}:{placed})\n",
            ["imageIds"] = new[] { placed },
        });

        var (output, exported) = await ReimportMarkdownExportAsync($"case-{marker}");

        Assert.Contains($"]({scheme}:{placed})", exported, StringComparison.Ordinal);
        Assert.Contains("failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    /// <summary>The cover, which the body may place without listing it, was added to the article's images (found by a review).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_markdown_export_of_an_article_whose_body_places_its_cover_imports_back_unchanged(bool listsAnImage)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var (listed, cover) = (await content.ImageAsync(), await content.ImageAsync());
        await content.ArticleAsync(new()
        {
            ["title"] = $"Cover {marker}",
            ["slug"] = $"cover-{marker}",
            ["body"] = $"![cover](image:{cover})\n\nText.\n",
            ["imageIds"] = listsAnImage ? new[] { listed } : Array.Empty<long>(),
            ["coverImageId"] = cover,
        });

        var (output, _) = await ReimportMarkdownExportAsync($"cover-{marker}");

        Assert.Contains("failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_export_keeps_two_authors_of_one_name_apart_when_imported_back()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var (first, second) = (await content.AuthorAsync($"王偉 {marker}"), await content.AuthorAsync($"王偉 {marker}"));
        await content.ArticleAsync(new() { ["title"] = $"Namesakes {marker}", ["slug"] = $"namesakes-{marker}", ["authorIds"] = new[] { second, first } });

        var (output, _) = await ReimportMarkdownExportAsync($"namesakes-{marker}", text => text.Replace($"Namesakes {marker}", $"Edited {marker}", StringComparison.Ordinal));

        Assert.Contains("authors created: 0", output, StringComparison.Ordinal);
        var article = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/namesakes-{marker}?include=authors")).AssertJsonAsync();
        Assert.Equal($"Edited {marker}", article["title"]!.GetValue<string>());
        Assert.Equal([second, first], article["authors"]!.AsArray().Select(author => author!.Id()));
    }

    /// <summary>An edited export whose body places another stored image failed, after creating its authors and tags (found by a review).</summary>
    [Fact]
    public async Task An_edited_markdown_export_whose_body_places_another_stored_image_adds_it_to_the_articles_images()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var (listed, added) = (await content.ImageAsync(), await content.ImageAsync());
        await content.ArticleAsync(new()
        {
            ["title"] = $"Added {marker}",
            ["slug"] = $"added-{marker}",
            ["body"] = $"![listed](image:{listed})\n\nText.\n",
            ["imageIds"] = new[] { listed },
        });

        var (output, _) = await ReimportMarkdownExportAsync($"added-{marker}", text => text + $"\n![added](image:{added})\n");

        Assert.Contains("failed: 0, unchanged: 0", output, StringComparison.Ordinal);
        var article = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/added-{marker}?include=images")).AssertJsonAsync();
        Assert.Equal([listed, added], article["images"]!.AsArray().Select(image => image!.Id()));
    }

    /// <summary>
    /// A body the file restates that still places an image the file no longer lists (or a cover it drops) is refused by
    /// the store, and was refused only after the file's new tag had been created (found by a fuzzer).
    /// </summary>
    [Theory]
    [InlineData("imageIds")]
    [InlineData("cover")]
    public async Task An_export_edited_to_drop_an_image_its_body_still_places_fails_before_anything_is_created(string dropped)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var (kept, placed) = (await content.ImageAsync(), await content.ImageAsync());
        await content.ArticleAsync(new()
        {
            ["title"] = $"Dropped {marker}",
            ["slug"] = $"dropped-{marker}",
            ["body"] = $"![kept](image:{kept})\n\n![placed](image:{placed})\n",
            ["imageIds"] = dropped == "imageIds" ? new[] { kept, placed } : new[] { kept },
            ["coverImageId"] = dropped == "cover" ? placed : null,
        });
        var exported = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", exported, "--markdown")).ExitCode);
        var text = await File.ReadAllTextAsync(Path.Combine(exported, "markdown", $"dropped-{marker}.md"));
        var edited = dropped == "imageIds"
            ? text.Replace($"imageIds: [{kept}, {placed}]", $"imageIds: [{kept}]", StringComparison.Ordinal)
            : System.Text.RegularExpressions.Regex.Replace(text, "cover:\n  url: [^\n]*\n(  alt: [^\n]*\n)?", "");
        Assert.NotEqual(text, edited);
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "dropped.md"), edited.Replace("tags: []", $"tags:\n- name: New tag {marker}\n  slug: new-tag-{marker}", StringComparison.Ordinal));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Places images that are neither in imageIds nor the coverImageId: image:{placed}", output, StringComparison.Ordinal);
        Assert.Contains("tags created: 0", output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "tags");
    }

    /// <summary>
    /// The API stores a body placing an image by a relative path or another scheme, but its Markdown export failed to
    /// import back: import took every image as one to store, and an image's URL must be absolute http(s).
    /// </summary>
    [Fact]
    public async Task A_markdown_export_placing_images_by_relative_or_unsafe_urls_imports_back_unchanged()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        await content.ArticleAsync(new()
        {
            ["title"] = $"Relative images {marker}",
            ["slug"] = $"relative-images-{marker}",
            ["body"] = "Text.\n\n![site](/media/a.png)\nSource: us\n\n![script](javascript:alert(1))\n",
        });

        var (output, _) = await ReimportMarkdownExportAsync($"relative-images-{marker}");

        Assert.Contains("failed: 0, unchanged: 1", output, StringComparison.Ordinal);
        Assert.Contains("warning: Image 'site' left as written", output, StringComparison.Ordinal);
        Assert.Contains("warning: Image 'script' left as written", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Slugs now spell C# "csharp": a file without a slug, imported before as "c-入門", was imported again as a new
    /// article (found by a review).
    /// </summary>
    [Fact]
    public async Task A_file_without_a_slug_finds_the_article_its_title_named_under_the_earlier_slug_rules()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"C# 入門 {marker}", ["slug"] = $"c-入門-{marker}" });

        var (output, exported) = await ReimportMarkdownExportAsync($"c-入門-{marker}", text => text.Replace($"slug: c-入門-{marker}\n", "", StringComparison.Ordinal));

        Assert.Contains($"slug: c-入門-{marker}", exported, StringComparison.Ordinal);
        Assert.Contains("articles created: 0, updated: 0, failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Slugs now write ß as ss, keep й, join a word around its apostrophe and a Hebrew acronym around its gershayim: a
    /// file without a slug, imported before under the earlier spelling, must still find its article.
    /// </summary>
    [Theory]
    [InlineData("Straße in Köln", "straße-in-koln")]
    [InlineData("Сергей в Москве", "сергеи-в-москве")]
    [InlineData("Don’t panic", "don-t-panic")]
    [InlineData("דובר צה״ל", "דובר-צה-ל")]
    public async Task A_file_without_a_slug_finds_the_article_its_title_named_under_earlier_letter_rules(string title, string earlierSlug)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"{title} {marker}", ["slug"] = $"{earlierSlug}-{marker}" });

        var (output, exported) = await ReimportMarkdownExportAsync($"{earlierSlug}-{marker}", text => text.Replace($"slug: {earlierSlug}-{marker}\n", "", StringComparison.Ordinal));

        Assert.Contains($"slug: {earlierSlug}-{marker}", exported, StringComparison.Ordinal);
        Assert.Contains("articles created: 0, updated: 0, failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Slugs now leave out the points of Hebrew and Arabic and the tatweel: a file without a slug gets its title's slug
    /// without them, and one imported before with them (no rewrite moved stored slugs) still finds its article, which
    /// keeps the slug it has.
    /// </summary>
    [Theory]
    [InlineData("مُحَمَّد بن سلمان", "مُحَمَّد-بن-سلمان", "محمد-بن-سلمان")]
    [InlineData("مـحـمـد", "مـحـمـد", "محمد")]
    [InlineData("שָׁלוֹם עֲלֵיכֶם", "שָׁלוֹם-עֲלֵיכֶם", "שלום-עליכם")]
    public async Task A_file_without_a_slug_finds_the_article_its_pointed_title_named_with_the_points(string title, string earlierSlug, string slug)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"{title} {marker}", ["slug"] = $"{earlierSlug}-{marker}" });

        var (output, exported) = await ReimportMarkdownExportAsync($"{earlierSlug}-{marker}", text => text.Replace($"slug: {earlierSlug}-{marker}\n", "", StringComparison.Ordinal));

        Assert.Contains($"slug: {earlierSlug}-{marker}", exported, StringComparison.Ordinal);
        Assert.Contains("articles created: 0, updated: 0, failed: 0, unchanged: 1", output, StringComparison.Ordinal);

        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "new.md"), Post($"{title} {marker}2"));
        var (exitCode, created) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(exitCode == 0, created);
        Assert.Contains("articles created: 1", created, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Reader().GetAsync($"/api/v1/articles/slug/{Uri.EscapeDataString($"{slug}-{marker}2")}")).StatusCode);
    }

    /// <summary>An export names authors by slug, and one stored before today's slug rules failed the file (found by a review).</summary>
    [Fact]
    public async Task A_markdown_export_naming_an_author_by_a_slug_from_before_todays_rules_imports_back()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var content = new TestContent(factory.Writer());
        var author = await content.AuthorAsync($"Legacy author {marker}");
        await content.ArticleAsync(new() { ["title"] = $"Old slug {marker}", ["slug"] = $"old-slug-{marker}", ["authorIds"] = new[] { author } });
        await using (var connection = factory.OpenDatabase())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE authors SET slug = @Slug WHERE id = @Id", new { Slug = $"\uFF4Cegacy-{marker}", Id = author });
        }

        var (output, _) = await ReimportMarkdownExportAsync($"old-slug-{marker}");

        Assert.Contains("failed: 0, unchanged: 1", output, StringComparison.Ordinal);
    }

    /// <summary>A name the file also gives with a slug found the author the slug entry created only when it came after it (found by a review).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Authors_named_by_slug_are_resolved_before_those_named_by_name_whatever_their_order(bool slugFirst)
    {
        _ = factory.Services;
        var marker = Guid.NewGuid().ToString("N")[..8];
        string[] entries = [$"- name: Someone Else {marker}\n  slug: fresh-{marker}", $"- Fresh {marker}"];
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "order.md"),
            $"---\ntitle: Order {marker}\nslug: order-{marker}\nauthors:\n{string.Join("\n", slugFirst ? entries : entries.Reverse())}\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Writer().GetAsync($"/api/v1/articles/slug/order-{marker}?include=authors")).AssertJsonAsync();
        var authors = article["authors"]!.AsArray().Select(author => (author!["name"]!.GetValue<string>(), author["slug"]!.GetValue<string>()));
        var expected = new[] { ($"Someone Else {marker}", $"fresh-{marker}"), ($"Fresh {marker}", $"fresh-{marker}-2") };
        Assert.Equal(slugFirst ? expected : expected.Reverse(), authors);
    }

    [Fact]
    public async Task An_image_id_listed_in_front_matter_that_does_not_exist_fails_the_file_at_its_line()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(Path.Combine(folder, "listed.md"), $"---\ntitle: Listed {marker}\nauthors: [Listed {marker}]\nimageIds: [987654321]\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("listed.md:4: error: Image image:987654321 does not exist", output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors", "articles");
    }

    [Fact]
    public async Task A_body_nested_too_deeply_to_parse_fails_its_file_alone()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), Post($"First {marker}"));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.md"), Post($"Deep {marker}", new string('>', 150) + " deep"));
        await File.WriteAllTextAsync(Path.Combine(folder, "c.md"), Post($"Last {marker}"));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("b.md:6: error: body: ", output, StringComparison.Ordinal); // the body's first line
        var articles = await ListAsync("articles");
        Assert.Contains($"First {marker}", articles, StringComparison.Ordinal);
        Assert.Contains($"Last {marker}", articles, StringComparison.Ordinal);
        Assert.DoesNotContain($"Deep {marker}", articles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_id_that_does_not_exist_fails_the_file_at_its_line_before_anything_is_created()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(Path.Combine(folder, "missing.md"),
            $"---\ntitle: Missing {marker}\nauthors: [Missing {marker}]\ntags: [missing-{marker}]\n---\n\nText.\n\n![pic](image:987654321)\n\nbody\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("missing.md:9: error: Image image:987654321 does not exist", output, StringComparison.Ordinal);
        await AssertNoneNamedAsync(marker, "authors", "tags", "articles");
    }

    [Fact]
    public async Task A_missing_cover_image_id_is_reported_at_the_cover_line()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "cover.md"), $"---\ntitle: {Unique("Cover")}\nauthors: J\ncover: image:987654321\n---\n\nBody.\n");

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Contains("cover.md:4: error: Image image:987654321 does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_naming_more_images_than_an_article_may_have_fails_alone()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        // More ids than one SQLite statement may bind (32,766): the file must fail on the article's limit, not the import.
        var images = string.Join("\n\n", Enumerable.Range(1, 33_000).Select(i => $"![p](image:{i})"));
        await File.WriteAllTextAsync(Path.Combine(folder, "a-many.md"), Post(Unique("Many"), images));
        await File.WriteAllTextAsync(Path.Combine(folder, "b-other.md"), Post(Unique("Other")));

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Contains("At most 500 inline images", output, StringComparison.Ordinal);
        Assert.Contains("articles created: 1, updated: 0, failed: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_cannot_be_read_fails_alone_at_its_line()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        var title = Unique("Readable");
        await File.WriteAllBytesAsync(Path.Combine(folder, "a-latin1.md"), [.. "---\ntitle: Caf"u8, 0xE9, .. "\nauthors: J\n---\n\nna"u8, 0xEF, .. "ve\n"u8]);
        File.CreateSymbolicLink(Path.Combine(folder, "b-dangling.md"), Path.Combine(folder, "nowhere", "t.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "c-good.md"), Post(title));

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Contains("a-latin1.md:2:", output, StringComparison.Ordinal);
        Assert.Contains("b-dangling.md:1:", output, StringComparison.Ordinal);
        Assert.Contains("articles created: 1", output, StringComparison.Ordinal);
        var list = await (await factory.Reader().GetAsync("/api/v1/articles?limit=100")).AssertJsonAsync();
        Assert.Contains(list["items"]!.AsArray(), a => a!["title"]!.GetValue<string>() == title);
        Assert.DoesNotContain(list["items"]!.AsArray(), a => a!["title"]!.GetValue<string>().StartsWith("Caf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_chinese_news_article_creates_author_images_with_credits_and_updates_on_reimport()
    {
        _ = factory.Services; // migrate the database the commands write to
        var folder = CommandRunner.TempDirectory();
        File.Copy(Fixture("qwen3-max-news.md"), Path.Combine(folder, "qwen3-max-news.md"));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(exitCode == 0, output);
        Assert.Contains("articles created: 1", output, StringComparison.Ordinal);

        var list = await (await factory.Reader().GetAsync("/api/v1/articles?limit=100")).AssertJsonAsync();
        // Other tests of this class store articles too: this one is the fixture's, its text and its images.
        var article = Assert.Single(list["items"]!.AsArray(), a => a!["body"]!.GetValue<string>() is var text &&
            text.Contains("image:", StringComparison.Ordinal) && text.Contains("不構成", StringComparison.Ordinal))!;
        var body = article["body"]!.GetValue<string>();
        Assert.Equal("林睿哲", article["authors"]![0]!["name"]!.GetValue<string>());
        var images = article["images"]!.AsArray();
        Assert.True(images.Count >= 3, "the fixture has several credited images");
        Assert.All(images, image => Assert.False(string.IsNullOrEmpty(image!["credit"]?.GetValue<string>())));
        Assert.Contains(images, image => image!["credit"]!.GetValue<string>().StartsWith("圖源", StringComparison.Ordinal));
        foreach (var image in images)
        {
            Assert.Contains($"image:{image!["id"]}", body, StringComparison.Ordinal);
            Assert.DoesNotContain(image["credit"]!.GetValue<string>(), body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("作者 |", body, StringComparison.Ordinal);
        Assert.Contains("不構成", body, StringComparison.Ordinal);

        // The same file again changes nothing, not even the version (every ETag stays valid).
        var (again, secondOutput) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(again == 0, secondOutput);
        Assert.Contains("articles created: 0, updated: 0, failed: 0, unchanged: 1", secondOutput, StringComparison.Ordinal);
        Assert.Contains("images created: 0", secondOutput, StringComparison.Ordinal);
        var url = $"/api/v1/articles/slug/{Uri.EscapeDataString(article["slug"]!.GetValue<string>())}";
        var after = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
        Assert.Equal(body, after["body"]!.GetValue<string>());
        Assert.Equal(article["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());

        // An edited file updates its article once it names it by slug: a slug derived from the title may be another post's.
        var file = Path.Combine(folder, "qwen3-max-news.md");
        await File.AppendAllTextAsync(file, "\n補充：本文已更新。\n");
        var (refused, refusedOutput) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.NotEqual(0, refused);
        Assert.Contains("An article already has the slug", refusedOutput, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, $"---\nslug: {article["slug"]}\n---\n\n" + await File.ReadAllTextAsync(file));
        var (edited, thirdOutput) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.True(edited == 0, thirdOutput);
        Assert.Contains("articles created: 0, updated: 1", thirdOutput, StringComparison.Ordinal);
        var updated = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
        Assert.Equal(article["version"]!.GetValue<long>() + 1, updated["version"]!.GetValue<long>());
        Assert.Contains("補充：本文已更新。", updated["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A named pipe called *.md waited for a writer for ever (and a stop signal could not end it), and a 153 MB file was
    /// parsed whole, in 4 GB of memory, before its body was found too long (found by a fuzzer).
    /// </summary>
    [Fact]
    public async Task Import_reads_neither_a_named_pipe_nor_an_oversized_file_and_imports_the_others()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder, "pipe.md")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var elsewhere = CommandRunner.TempDirectory();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(elsewhere, "pipe")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        File.CreateSymbolicLink(Path.Combine(folder, "linked-pipe.md"), Path.Combine(elsewhere, "pipe"));
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.md"), "");
        await using (var big = File.Create(Path.Combine(folder, "big.md")))
        {
            big.SetLength(ImportFileText.MaxBytes + 1);
        }
        var slug = $"beside-a-pipe-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), $"---\nslug: {slug}\n---\n# Beside a pipe\n\nBy Jane Doe\n\nA paragraph of text.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("/pipe.md:1: error: The file is empty, or is not a regular file", output, StringComparison.Ordinal);
        Assert.Contains("linked-pipe.md:1: error: The file is empty, or is not a regular file", output, StringComparison.Ordinal);
        Assert.Contains("empty.md:1: error: The file is empty", output, StringComparison.Ordinal);
        Assert.Contains($"big.md:1: error: The file has {ImportFileText.MaxBytes + 1:N0} bytes", output, StringComparison.Ordinal);
        Assert.Contains("Files read: 5; articles created: 1", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Reader().GetAsync($"/api/v1/articles/slug/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Import_reports_bad_files_by_line_and_still_imports_the_others()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.md"), "---\ntitle: [unclosed\n---\nbody\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "empty-image.md"), "# 有圖\n\n作者：王小明\n\n![圖]()\n\n正文。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "deep.md"), "# Deep\n\nBy Jane Doe\n\n" + new string('>', 110) + " quoted\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "links.md"), "# Links\n\nBy Jane Doe\n\n" + string.Concat(Enumerable.Repeat("[a](b", 20_000)) + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "# Good English Article\n\nBy Jane Doe\n\nA paragraph of text.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
        Assert.Equal(1, exitCode);
        Assert.Contains("bad.md:3: error: Front matter is not valid YAML", output, StringComparison.Ordinal);
        Assert.Contains("empty-image.md:5", output, StringComparison.Ordinal);
        Assert.Contains("deep.md:1: error: body: The Markdown nests too deeply", output, StringComparison.Ordinal);
        Assert.Contains("links.md:1: error: The Markdown has too many links", output, StringComparison.Ordinal);
        Assert.Contains("Files read: 5; articles created: 1", output, StringComparison.Ordinal);
        Assert.Contains("failed: 4", output, StringComparison.Ordinal);
        var good = await factory.Reader().GetAsync("/api/v1/articles/slug/good-english-article");
        var article = await good.AssertJsonAsync();
        Assert.Equal("Jane Doe", article["authors"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    /// <summary>
    /// A Hugo post as Hugo writes it: TOML front matter with its theme's cover and caption, and a picture placed by the
    /// figure shortcode with its caption and attribution. Import refused the TOML; once read, the figure stayed text and
    /// the cover lost its caption.
    /// </summary>
    [Fact]
    public async Task A_hugo_post_imports_with_its_cover_and_figure_as_images_with_their_captions_and_credit()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "hugo.md"), string.Join("\n",
            "+++", $"title = \"台北跨年 {marker}\"", $"slug = \"hugo-{marker}\"", "date = 2025-12-31T23:00:00+08:00", "draft = false",
            "authors = [\"王小明\"]", "[cover]", $"image = \"https://images.example.com/cover-{marker}.jpg\"", "alt = \"台北101\"",
            "caption = \"跨年夜的台北101\"", "+++", "", "台北101今晚舉行跨年煙火。", "",
            $"{{{{< figure src=\"https://images.example.com/fig-{marker}.jpg\" alt=\"煙火\" caption=\"五分鐘的煙火\" attr=\"中央社\" >}}}}",
            "", "煙火持續了五分鐘。", ""));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/hugo-{marker}")).AssertJsonAsync();
        Assert.Equal("2025-12-31T15:00:00.000000Z", article["publishedAt"]!.GetValue<string>());
        var cover = article["coverImage"]!;
        Assert.Equal(("台北101", "跨年夜的台北101"), (cover["altText"]!.GetValue<string>(), cover["caption"]!.GetValue<string>()));
        var figure = Assert.Single(article["images"]!.AsArray(), image => image!["url"]!.GetValue<string>().Contains("fig-", StringComparison.Ordinal))!;
        Assert.Equal(("煙火", "五分鐘的煙火", "中央社"),
            (figure["altText"]!.GetValue<string>(), figure["caption"]!.GetValue<string>(), figure["credit"]!.GetValue<string>()));
        Assert.Equal($"台北101今晚舉行跨年煙火。\n\n![煙火](image:{figure["id"]})\n\n煙火持續了五分鐘。\n", article["body"]!.GetValue<string>());
    }

    /// <summary>
    /// A Hugo site's page bundle names its pictures by path (beside <c>index.md</c>, or under the site's
    /// <c>/images/</c>): import left them as written, so the migrated article had no images. With
    /// <c>--image-base-url</c> they are images at the URLs the site serves them from.
    /// </summary>
    [Fact]
    public async Task Images_given_as_paths_become_images_where_the_site_serves_them()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var site = CommandRunner.TempDirectory();
        var bundle = Directory.CreateDirectory(Path.Combine(site, "posts", $"qwen-{marker}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(bundle, "index.md"), string.Join("\n",
            "---", $"title: 通義千問 {marker}", $"slug: bundle-{marker}", "authors: [王小明]", "status: published", "cover: /images/cover.jpg", "---", "",
            "阿里雲今天發布新模型。", "", "![發布會現場](launch.jpg)", "圖源：阿里雲", "",
            "{{< figure src=\"chart.png\" alt=\"跑分\" caption=\"跑分結果\" attr=\"阿里雲\" >}}", ""));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", site, "--image-base-url", $"https://{marker}.example.com/blog");

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/bundle-{marker}")).AssertJsonAsync();
        var folder = $"https://{marker}.example.com/blog/posts/qwen-{marker}/";
        Assert.Equal($"https://{marker}.example.com/images/cover.jpg", article["coverImage"]!["url"]!.GetValue<string>());
        var images = article["images"]!.AsArray().Select(image => (image!["url"]!.GetValue<string>(), image["caption"]?.GetValue<string>(), image["credit"]?.GetValue<string>())).ToList();
        Assert.Equal([(folder + "launch.jpg", null, "圖源：阿里雲"), (folder + "chart.png", "跑分結果", "阿里雲")], images);
        Assert.DoesNotContain("launch.jpg", article["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// wordpress-export-to-markdown saves a post's pictures in its <c>images/</c> folder and names the cover by the file's
    /// bare name (<c>coverImage: "beach.jpg"</c>): the migrated article's cover pointed beside the post, where no file is.
    /// </summary>
    [Fact]
    public async Task A_wordpress_export_cover_named_by_its_file_in_the_images_folder_is_that_file()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var site = CommandRunner.TempDirectory();
        var post = Directory.CreateDirectory(Path.Combine(site, "posts", $"2024-05-01-beach-{marker}")).FullName;
        Directory.CreateDirectory(Path.Combine(post, "images"));
        await File.WriteAllBytesAsync(Path.Combine(post, "images", "beach.jpg"), [0xFF, 0xD8, 0xFF]);
        await File.WriteAllTextAsync(Path.Combine(post, "index.md"), string.Join("\n",
            "---", $"title: \"海邊的一天 {marker}\"", $"slug: beach-{marker}", "authors: [王小明]", "coverImage: \"beach.jpg\"", "---", "",
            "![](images/beach.jpg)", "", "天氣很好。", ""));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", site, "--image-base-url", $"https://{marker}.example.com/");

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/beach-{marker}")).AssertJsonAsync();
        var picture = $"https://{marker}.example.com/posts/2024-05-01-beach-{marker}/images/beach.jpg";
        Assert.Equal(picture, article["coverImage"]!["url"]!.GetValue<string>());
        Assert.Equal(article["coverImage"]!["id"]!.GetValue<long>(), Assert.Single(article["images"]!.AsArray())!["id"]!.GetValue<long>());
    }

    [Fact]
    public void An_image_base_that_is_no_http_url_is_refused_when_the_command_is_read()
    {
        var errors = AdminCommands.Commands(TextWriter.Null, null).Parse(["import", CommandRunner.TempDirectory(), "--image-base-url", "/assets/"]).Errors;
        Assert.Contains(errors, error => error.Message.Contains("--image-base-url '/assets/' is no absolute http(s) URL", StringComparison.Ordinal));
    }

    /// <summary>
    /// Jekyll's and Hugo's URLs hold the slug they make of the file name; import derived slugs from titles, so a migrated
    /// site's URLs changed. With <c>--slugs-from-file-names</c> the slugs are the site's, and a second import of the same
    /// files finds the articles it made instead of refusing them.
    /// </summary>
    [Fact]
    public async Task Slugs_from_file_names_keep_a_sites_urls_and_a_second_import_finds_the_same_articles_with_the_sites_author()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var site = CommandRunner.TempDirectory();
        var posts = Directory.CreateDirectory(Path.Combine(site, "_posts")).FullName;
        var bundle = Directory.CreateDirectory(Path.Combine(site, "posts", $"bundle-{marker}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(posts, $"2024-05-01-welcome-{marker}.md"), $"---\ntitle: Welcome to Jekyll {marker}!\nauthors: [Jane Doe]\n---\n\nBody.\n");
        // A Hugo site names its author in its configuration, not in each post.
        await File.WriteAllTextAsync(Path.Combine(bundle, "index.md"), $"---\ntitle: 通義千問 {marker}\n---\n\n正文。\n");

        var first = await CommandRunner.RunAsync(factory.DatabasePath, "import", site, "--slugs-from-file-names", "--author", $"王小明 {marker}");
        var second = await CommandRunner.RunAsync(factory.DatabasePath, "import", site, "--slugs-from-file-names", "--author", $"王小明 {marker}");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("articles created: 2", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("articles created: 0, updated: 0, failed: 0, unchanged: 2", second.Output, StringComparison.Ordinal);
        foreach (var (slug, title, author) in new[] { ($"welcome-{marker}", $"Welcome to Jekyll {marker}!", "Jane Doe"), ($"bundle-{marker}", $"通義千問 {marker}", $"王小明 {marker}") })
        {
            var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/{Uri.EscapeDataString(slug)}")).AssertJsonAsync();
            Assert.Equal((title, author), (article["title"]!.GetValue<string>(), article["authors"]![0]!["name"]!.GetValue<string>()));
        }
    }
}
