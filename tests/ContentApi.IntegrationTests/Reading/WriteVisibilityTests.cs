using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>Two servers on one database file and one clock: <see cref="First"/> takes the writes.</summary>
public sealed class TwoInstancesOnOneClock : IDisposable
{
    public TwoInstancesOnOneClock() => Second = new SecondInstanceOnClock(First);

    public FakeClockApiFactory First { get; } = new();

    public SecondInstanceOnClock Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}

/// <summary>
/// Issue #7: every write is visible to the next anonymous read of every response that shows what it changed, on the
/// instance that took it and, once it has looked at the database again (Database:ContentStateRecheckMilliseconds), on
/// another one; and an ETag or a Last-Modified taken before the write gets the new representation, not a 304. Each case
/// reads its URLs twice on both instances (the second read is the response cache's), writes, and reads them again.
/// </summary>
public sealed class WriteVisibilityTests(TwoInstancesOnOneClock apps) : IClassFixture<TwoInstancesOnOneClock>
{
    /// <summary>Past the default recheck (250 ms) of the content version a server keeps, on the clock both servers read.</summary>
    private static readonly TimeSpan PastTheRecheck = TimeSpan.FromSeconds(1);

    /// <param name="Beside">Written by another process (an admin command), which neither server hears of until it looks.</param>
    private sealed record Case(string[] Urls, Func<Task> Write, bool Beside = false);

    private sealed record Read(HttpStatusCode Status, string Body, EntityTagHeaderValue? ETag, DateTimeOffset? LastModified);

    private HttpClient Writer => apps.First.Writer();

    private TestContent Content => new(Writer);

    private static string Word() => "fresh" + Guid.NewGuid().ToString("N")[..12];

    [Theory]
    [InlineData("create article")]
    [InlineData("replace article")]
    [InlineData("patch article title")]
    [InlineData("delete article")]
    [InlineData("unpublish article")]
    [InlineData("publish draft")]
    [InlineData("reschedule article later")]
    [InlineData("scheduled article goes live")]
    [InlineData("change article slug")]
    [InlineData("retag article")]
    [InlineData("change article authors")]
    [InlineData("change article cover")]
    [InlineData("create author")]
    [InlineData("rename author")]
    [InlineData("replace author")]
    [InlineData("change author slug")]
    [InlineData("change author avatar")]
    [InlineData("delete author")]
    [InlineData("create tag")]
    [InlineData("rename tag")]
    [InlineData("replace tag")]
    [InlineData("change tag slug")]
    [InlineData("delete tag")]
    [InlineData("patch image credit")]
    [InlineData("replace image")]
    [InlineData("import beside the servers")]
    [InlineData("restore beside the servers")]
    [InlineData("reindex beside the servers")]
    public async Task A_write_is_seen_by_the_next_read_of_every_response_that_shows_it(string write)
    {
        var @case = await ArrangeAsync(write);
        var first = await ReadAllAsync(apps.First.Anonymous(), @case.Urls);
        var second = await ReadAllAsync(apps.Second.Anonymous(), @case.Urls);

        // Into a later second than what was read, so Last-Modified (whole seconds) can tell them apart.
        apps.First.Clock.Advance(PastTheRecheck);
        await @case.Write();

        if (@case.Beside)
        {
            apps.First.Clock.Advance(PastTheRecheck);
        }
        await AssertChangedAsync(apps.First.Anonymous(), first, $"{write}, the instance that took it");
        apps.First.Clock.Advance(PastTheRecheck);
        await AssertChangedAsync(apps.Second.Anonymous(), second, $"{write}, another instance");
    }

    /// <summary>seed writes only into a database without content, so it has a server of its own.</summary>
    [Fact]
    public async Task A_seed_beside_a_server_is_seen_by_its_next_read()
    {
        using var app = new FakeClockApiFactory();
        string[] urls = ["/api/v1/articles", "/api/v1/authors", "/api/v1/tags", "/api/v1/images", "/api/v1/search?q=the"];
        var before = await ReadAllAsync(app.Anonymous(), urls);

        var (exitCode, output) = await CommandRunner.RunAsync(
            CommandRunner.OnClock(CommandRunner.UsingDatabase(app.DatabasePath), app.Clock), "seed", "--articles", "20");
        Assert.True(exitCode == 0, output);

        app.Clock.Advance(PastTheRecheck);
        await AssertChangedAsync(app.Anonymous(), before, "seed");
    }

    /// <summary>Each URL read twice, so the second answer is the response cache's; both must agree.</summary>
    private static async Task<Dictionary<string, Read>> ReadAllAsync(HttpClient client, string[] urls)
    {
        var reads = new Dictionary<string, Read>();
        foreach (var url in urls)
        {
            var built = await ReadAsync(client, url, null);
            var cached = await ReadAsync(client, url, null);
            Assert.Equal(built, cached);
            reads[url] = cached;
        }
        return reads;
    }

    private static async Task<Read> ReadAsync(HttpClient client, string url, EntityTagHeaderValue? ifNoneMatch, DateTimeOffset? ifModifiedSince = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        request.Headers.IfModifiedSince = ifModifiedSince;
        using var response = await client.SendAsync(request);
        // A representation's body; an error's differs in its traceId alone, and is never stored.
        var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
        return new Read(response.StatusCode, body, response.Headers.ETag, response.Content.Headers.LastModified);
    }

    private static async Task AssertChangedAsync(HttpClient client, Dictionary<string, Read> before, string what)
    {
        foreach (var (url, old) in before)
        {
            var now = await ReadAsync(client, url, old.ETag);
            Assert.True(now.Status != HttpStatusCode.NotModified, $"{what}: {url} answered the ETag taken before the write with a 304");
            Assert.True(now.Status != old.Status || now.Body != old.Body, $"{what}: {url} is still {old.Status} {old.Body}");
            if (now.Status == HttpStatusCode.OK && old.ETag is not null)
            {
                Assert.NotEqual(old.ETag, now.ETag);
            }
            if (now.Status == HttpStatusCode.OK && old.LastModified is { } lastModified)
            {
                var since = await ReadAsync(client, url, null, lastModified);
                Assert.True(since.Status == HttpStatusCode.OK, $"{what}: {url} answered If-Modified-Since {lastModified:R} with {since.Status}");
            }
        }
    }

    private async Task<Case> ArrangeAsync(string write)
    {
        var word = Word();
        var author = await Content.AuthorAsync($"Author {word}");
        var tag = await Writer.PostOkAsync("/api/v1/tags", new { name = $"Tag {word}" });
        var cover = await Content.ImageAsync("圖源:ifanr", "發布會現場");
        var inline = await Content.ImageAsync("Source: agency", "A caption");
        var fields = new Dictionary<string, object?>
        {
            ["title"] = $"Title {word}",
            ["body"] = $"Body {word}.\n\n![Inline](image:{inline})\n",
            ["tagIds"] = new[] { tag.Id() },
            ["coverImageId"] = cover,
            ["imageIds"] = new[] { inline },
        };
        var article = write switch
        {
            "create article" => null,
            "publish draft" => await Writer.CreateArticleAsync([author], new(fields) { ["status"] = "draft" }),
            "scheduled article goes live" => await Writer.CreateArticleAsync([author], new(fields) { ["publishedAt"] = apps.First.Clock.GetUtcNow().AddHours(1) }),
            _ => await Writer.CreateArticleAsync([author], fields),
        };
        var id = article?.Id() ?? 0;
        var slug = article?.Text("slug") ?? "";
        string[] articleUrls = [$"/api/v1/articles/{id}", $"/api/v1/articles/slug/{slug}", $"/api/v1/articles/{id}?format=html"];
        // What shows an article's being published: the article, lists, search, its author's, tag's and images' pages.
        string[] visibility =
        [
            .. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/articles?tag={tag.Id()}", $"/api/v1/search?q={word}",
            $"/api/v1/authors/{author}", $"/api/v1/tags/{tag.Id()}", $"/api/v1/tags?slug={tag.Text("slug")}", $"/api/v1/images/{cover}",
            $"/api/v1/images/{inline}",
        ];
        string[] showsAuthor = [.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/search?q={word}", $"/api/v1/authors/{author}"];
        string[] showsTag = [.. articleUrls, $"/api/v1/articles?tag={tag.Id()}", $"/api/v1/search?q={word}", $"/api/v1/tags/{tag.Id()}", $"/api/v1/tags?slug={tag.Text("slug")}"];
        var patchArticle = (object patch) => Patch($"/api/v1/articles/{id}", patch);
        switch (write)
        {
            case "create article":
                return new([.. visibility.Skip(articleUrls.Length)], async () => await Writer.CreateArticleAsync([author], fields));
            case "replace article":
                return new([.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/search?q={word}"], async () =>
                    await (await Writer.PutAsJsonAsync($"/api/v1/articles/{id}", new Dictionary<string, object?>(fields)
                    {
                        ["title"] = $"Replaced {word}", ["language"] = "en", ["authorIds"] = new[] { author }, ["status"] = "published", ["slug"] = slug,
                    }, HttpAssertions.Json)).AssertJsonAsync());
            case "patch article title":
                return new([.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/search?q={word}"], patchArticle(new { title = $"Patched {word}" }));
            case "delete article":
                return new(visibility, async () => Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync($"/api/v1/articles/{id}")).StatusCode));
            case "unpublish article":
                return new(visibility, patchArticle(new { status = "draft" }));
            case "publish draft":
                return new(visibility, patchArticle(new { status = "published" }));
            case "reschedule article later":
                return new(visibility, patchArticle(new { publishedAt = apps.First.Clock.GetUtcNow().AddDays(1) }));
            case "scheduled article goes live":
                return new(visibility, () => { apps.First.Clock.Advance(TimeSpan.FromHours(2)); return Task.CompletedTask; });
            case "change article slug":
                return new([.. articleUrls, $"/api/v1/articles/slug/moved-{word}", $"/api/v1/articles?author={author}"], patchArticle(new { slug = $"moved-{word}" }));
            case "retag article":
            {
                var other = await Content.TagAsync();
                return new([.. showsTag, $"/api/v1/articles?tag={other}", $"/api/v1/tags/{other}"], patchArticle(new { tagIds = new[] { other } }));
            }
            case "change article authors":
            {
                var other = await Content.AuthorAsync();
                return new([.. showsAuthor, $"/api/v1/articles?author={other}", $"/api/v1/authors/{other}"], patchArticle(new { authorIds = new[] { other } }));
            }
            case "change article cover":
            {
                var other = await Content.ImageAsync("Source: other");
                return new([.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/images/{cover}", $"/api/v1/images/{other}"], patchArticle(new { coverImageId = other }));
            }
            case "create author":
                // Anonymous callers see an author once a published article credits it.
                return new([$"/api/v1/authors/slug/new-{word}", $"/api/v1/authors?slug=new-{word}"], async () =>
                    await Content.PublishWithAsync("authors", (await Writer.PostOkAsync("/api/v1/authors", new { name = $"New {word}", slug = $"new-{word}" })).Id()));
            case "rename author":
                return new([.. showsAuthor, $"/api/v1/search?q=renamed{word}"], Patch($"/api/v1/authors/{author}", new { name = $"Renamed{word}" }));
            case "replace author":
            {
                var authorSlug = (await apps.First.Anonymous().GetJsonAsync($"/api/v1/authors/{author}")).Text("slug");
                return new([.. showsAuthor, $"/api/v1/authors/slug/{authorSlug}", $"/api/v1/authors?slug={authorSlug}"], async () =>
                    await (await Writer.PutAsJsonAsync($"/api/v1/authors/{author}", new { name = $"Replaced {word}", bio = "A bio." }, HttpAssertions.Json)).AssertJsonAsync());
            }
            case "change author slug":
            {
                var authorSlug = (await apps.First.Anonymous().GetJsonAsync($"/api/v1/authors/{author}")).Text("slug");
                return new([.. showsAuthor, $"/api/v1/authors/slug/{authorSlug}", $"/api/v1/authors/slug/moved-{word}"],
                    Patch($"/api/v1/authors/{author}", new { slug = $"moved-{word}" }));
            }
            case "change author avatar":
            {
                var avatar = await Content.ImageAsync("Source: portrait");
                return new([$"/api/v1/authors/{author}", $"/api/v1/images/{avatar}"], Patch($"/api/v1/authors/{author}", new { avatarImageId = avatar }));
            }
            case "delete author":
            {
                // Shown while its one article is published: the write deletes the article, then the author.
                var deleted = await Writer.PostOkAsync("/api/v1/authors", new { name = $"Deleted {word}" });
                var only = await Writer.CreateArticleAsync([deleted.Id()]);
                return new([$"/api/v1/authors/{deleted.Id()}", $"/api/v1/authors/slug/{deleted.Text("slug")}", $"/api/v1/authors?slug={deleted.Text("slug")}"], async () =>
                {
                    Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync($"/api/v1/articles/{only.Id()}")).StatusCode);
                    Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync($"/api/v1/authors/{deleted.Id()}")).StatusCode);
                });
            }
            case "create tag":
                // Anonymous callers see a tag once a published article carries it.
                return new([$"/api/v1/tags/slug/new-{word}", $"/api/v1/tags?slug=new-{word}"], async () =>
                    await Content.PublishWithAsync("tags", (await Writer.PostOkAsync("/api/v1/tags", new { name = $"New {word}", slug = $"new-{word}" })).Id()));
            case "rename tag":
                return new([.. showsTag, $"/api/v1/tags/slug/{tag.Text("slug")}", $"/api/v1/search?q=renamed{word}"],
                    Patch($"/api/v1/tags/{tag.Id()}", new { name = $"Renamed{word}" }));
            case "replace tag":
                return new([.. showsTag, $"/api/v1/tags/slug/{tag.Text("slug")}"], async () =>
                    await (await Writer.PutAsJsonAsync($"/api/v1/tags/{tag.Id()}", new { name = $"Replaced {word}", description = "Described." }, HttpAssertions.Json)).AssertJsonAsync());
            case "change tag slug":
                return new([.. showsTag, $"/api/v1/tags/slug/{tag.Text("slug")}", $"/api/v1/tags/slug/moved-{word}"],
                    Patch($"/api/v1/tags/{tag.Id()}", new { slug = $"moved-{word}" }));
            case "delete tag":
            {
                // Shown while its one article is published: the write deletes the article, then the tag.
                var deleted = await Writer.PostOkAsync("/api/v1/tags", new { name = $"Deleted {word}" });
                var only = await Writer.CreateArticleAsync([author], new() { ["tagIds"] = new[] { deleted.Id() } });
                return new([$"/api/v1/tags/{deleted.Id()}", $"/api/v1/tags/slug/{deleted.Text("slug")}", $"/api/v1/tags?slug={deleted.Text("slug")}"], async () =>
                {
                    Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync($"/api/v1/articles/{only.Id()}")).StatusCode);
                    Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync($"/api/v1/tags/{deleted.Id()}")).StatusCode);
                });
            }
            case "patch image credit":
                return new([.. articleUrls, $"/api/v1/articles?author={author}&format=html", $"/api/v1/images/{inline}", $"/api/v1/search?q=credited{word}"],
                    Patch($"/api/v1/images/{inline}", new { credit = $"Source: credited{word}" }));
            case "replace image":
            {
                var url = (await apps.First.Anonymous().GetJsonAsync($"/api/v1/images/{cover}")).Text("url");
                return new([.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/images/{cover}", $"/api/v1/images?url={Uri.EscapeDataString(url)}"], async () =>
                    await (await Writer.PutAsJsonAsync($"/api/v1/images/{cover}", new { url, altText = $"Replaced {word}" }, HttpAssertions.Json)).AssertJsonAsync());
            }
            case "import beside the servers":
            {
                var folder = CommandRunner.TempDirectory();
                await File.WriteAllTextAsync(Path.Combine(folder, "edited.md"), $"---\ntitle: Imported {word}\nslug: {slug}\nauthors: J\n---\n\nImported body {word}.\n");
                return new([.. articleUrls, $"/api/v1/search?q={word}"], async () =>
                {
                    var (exitCode, output) = await CommandRunner.RunAsync(OnTheServersClock, "import", folder);
                    Assert.True(exitCode == 0, output);
                }, Beside: true);
            }
            case "restore beside the servers":
            {
                var backup = Path.Combine(CommandRunner.TempDirectory(), "before.db");
                Assert.Equal(0, (await CommandRunner.RunAsync(OnTheServersClock, "backup", backup)).ExitCode);
                await patchArticle(new { title = $"Edited after the backup {word}" })();
                return new([.. articleUrls, $"/api/v1/articles?author={author}", $"/api/v1/search?q={word}"], async () =>
                {
                    var (exitCode, output) = await CommandRunner.RunAsync(OnTheServersClock, "restore", backup, "--force");
                    Assert.True(exitCode == 0, output);
                }, Beside: true);
            }
            case "reindex beside the servers":
            {
                // An index that lost the article (as one a reindex --clear is rebuilding does): its searches miss it.
                using (var connection = apps.First.OpenDatabase())
                {
                    await connection.ExecuteAsync("DELETE FROM articles_fts WHERE rowid = @Id", new { Id = id });
                }
                return new([$"/api/v1/search?q={word}", $"/api/v1/articles?q={word}"], async () =>
                {
                    var (exitCode, output) = await CommandRunner.RunAsync(OnTheServersClock, "reindex");
                    Assert.True(exitCode == 0, output);
                }, Beside: true);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }
    }

    /// <summary>An admin command's configuration: the servers' database, and their clock, so its dates are theirs.</summary>
    private Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> OnTheServersClock =>
        CommandRunner.OnClock(CommandRunner.UsingDatabase(apps.First.DatabasePath), apps.First.Clock);

    private Func<Task> Patch(string url, object patch) => async () => await (await Writer.PatchMergeAsync(url, patch)).AssertJsonAsync();
}
