using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentApi.Auth;
using ContentApi.IntegrationTests.Operations;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Every write records the name of the key that made it (createdBy, updatedBy), which key holders see and filter by:
/// "who changed article 301 at 10:02?" had no answer in the API (editorial desk review). Anonymous callers never see
/// key names.
/// </summary>
public sealed class EditorAttributionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> ArticleByAsync(HttpClient client, string status = "draft")
    {
        var author = await new TestContent(factory.Writer()).AuthorAsync();
        var article = await client.PostOkAsync("/api/v1/articles", new
        {
            title = $"Article {Guid.NewGuid():N}", body = "正文。", language = "zh-Hant", authorIds = new[] { author }, status,
        });
        return article.Id();
    }

    public static TheoryData<string, string> Patches => new()
    {
        { "articles", """{"title":"改過的標題"}""" },
        { "authors", """{"bio":"改過的簡介"}""" },
        { "tags", """{"description":"改過的說明"}""" },
        { "images", """{"caption":"改過的圖說"}""" },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public async Task Create_and_patch_record_the_names_of_their_keys(string collection, string patch)
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var id = collection switch
        {
            "articles" => await ArticleByAsync(alice),
            _ => await new TestContent(alice).ResourceAsync(collection),
        };
        var url = $"/api/v1/{collection}/{id}";

        var created = await factory.Reader().GetJsonAsync(url);
        Assert.Equal(aliceName, created["createdBy"]?.GetValue<string>());
        Assert.Equal(aliceName, created["updatedBy"]?.GetValue<string>());

        var patched = await (await bob.PatchAsync(url, HttpAssertions.RawJson(patch, "application/merge-patch+json"))).AssertJsonAsync();
        Assert.Equal(aliceName, patched["createdBy"]?.GetValue<string>());
        Assert.Equal(bobName, patched["updatedBy"]?.GetValue<string>());
        Assert.Equal(bobName, (await factory.Reader().GetJsonAsync(url))["updatedBy"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_replace_records_its_key_and_a_patch_that_changes_nothing_does_not()
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var id = await ArticleByAsync(alice);
        var url = $"/api/v1/articles/{id}";
        var current = await factory.Reader().GetJsonAsync(url);

        var replaced = await (await bob.PutAsJsonAsync(url, new
        {
            title = current["title"]!.GetValue<string>(), body = "新的正文。", language = "zh-Hant",
            authorIds = current["authors"]!.AsArray().Select(a => a!.Id()).ToArray(),
        })).AssertJsonAsync();
        Assert.Equal(bobName, replaced["updatedBy"]?.GetValue<string>());

        var unchanged = await (await alice.PatchMergeAsync(url, new { body = "新的正文。" })).AssertJsonAsync();
        Assert.Equal(replaced["version"]!.GetValue<long>(), unchanged["version"]!.GetValue<long>());
        Assert.Equal(bobName, unchanged["updatedBy"]?.GetValue<string>());
        Assert.Equal(aliceName, unchanged["createdBy"]?.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_callers_never_see_key_names()
    {
        var (alice, _) = await factory.DeskKeyAsync("alice");
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8];
        var author = await alice.PostOkAsync("/api/v1/authors", new { name = $"記者 {marker}" });
        var tag = await alice.PostOkAsync("/api/v1/tags", new { name = $"標籤 {marker}" });
        var image = await new TestContent(alice).ImageAsync();
        var article = await alice.PostOkAsync("/api/v1/articles", new
        {
            title = $"新聞 {marker}", body = $"正文 {marker}。", language = "zh-Hant", status = "published",
            authorIds = new[] { author.Id() }, tagIds = new[] { tag.Id() }, coverImageId = image,
        });
        var anonymous = factory.Anonymous();

        foreach (var url in new[]
        {
            $"/api/v1/articles/{article.Id()}", $"/api/v1/articles/slug/{article["slug"]}", $"/api/v1/articles?id={article.Id()}",
            $"/api/v1/articles?id={article.Id()}&include=authors", $"/api/v1/articles/{article.Id()}?fields=id,title,authors",
            $"/api/v1/search?q={marker}", $"/api/v1/authors/{author.Id()}", $"/api/v1/authors?slug={author["slug"]}",
            $"/api/v1/tags/{tag.Id()}", $"/api/v1/tags?slug={tag["slug"]}", $"/api/v1/images/{image}",
        })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("createdBy", text, StringComparison.Ordinal);
            Assert.DoesNotContain("updatedBy", text, StringComparison.Ordinal);
            Assert.DoesNotContain("desk-", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Key_holders_filter_articles_by_who_created_and_updated_them()
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var byAlice = await ArticleByAsync(alice);
        var editedByBob = await ArticleByAsync(alice);
        await (await bob.PatchMergeAsync($"/api/v1/articles/{editedByBob}", new { title = "改過" })).AssertJsonAsync();
        var reader = factory.Reader();

        Assert.Equal([editedByBob, byAlice], (await reader.GetJsonAsync($"/api/v1/articles?createdBy={aliceName}&sort=-createdAt")).ItemIds());
        Assert.Equal([byAlice], (await reader.GetJsonAsync($"/api/v1/articles?updatedBy={aliceName}")).ItemIds());
        Assert.Equal([editedByBob], (await reader.GetJsonAsync($"/api/v1/articles?updatedBy={bobName}&createdBy={aliceName}")).ItemIds());
        Assert.Empty((await reader.GetJsonAsync($"/api/v1/articles?createdBy={bobName}")).ItemIds());
    }

    [Theory]
    [InlineData("createdBy")]
    [InlineData("updatedBy")]
    public async Task The_filters_need_a_key_and_a_name(string filter)
    {
        var anonymous = await factory.Anonymous().GetAsync($"/api/v1/articles?{filter}=desk-alice");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var problem = await (await factory.Reader().GetAsync($"/api/v1/articles?{filter}=")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(filter), problem.ToJsonString());
    }

    [Fact]
    public async Task A_database_of_schema_29_migrates_and_then_records()
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var id = await ArticleByAsync(alice);
        await using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync("""
                DROP INDEX ix_articles_created_by; DROP INDEX ix_articles_updated_by;
                ALTER TABLE articles DROP COLUMN created_by; ALTER TABLE articles DROP COLUMN updated_by;
                ALTER TABLE authors DROP COLUMN created_by; ALTER TABLE authors DROP COLUMN updated_by;
                ALTER TABLE tags DROP COLUMN created_by; ALTER TABLE tags DROP COLUMN updated_by;
                ALTER TABLE images DROP COLUMN created_by; ALTER TABLE images DROP COLUMN updated_by;
                DELETE FROM schema_migrations WHERE version >= 30;
                """);
        }

        using var migrated = new OnDatabaseFile(factory.DatabasePath);
        var before = await migrated.Reader().GetJsonAsync($"/api/v1/articles/{id}");
        Assert.Null(before["createdBy"]?.GetValue<string>());
        var key = await migrated.Services.GetRequiredService<ApiKeyStore>().CreateAsync(aliceName + "-2", ApiKeyScope.Write, CancellationToken.None);
        var writer = migrated.Anonymous();
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var patched = await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "遷移後" })).AssertJsonAsync();
        Assert.Equal(aliceName + "-2", patched["updatedBy"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_export_carries_who_created_and_updated_and_an_older_one_imports_without()
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var id = await ArticleByAsync(alice);
        await (await bob.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "改過" })).AssertJsonAsync();
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);

        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);
        Assert.True(exitCode == 0, output);
        using (var importedApp = new OnDatabaseFile(imported))
        {
            var article = await importedApp.Reader().GetJsonAsync($"/api/v1/articles/{id}");
            Assert.Equal(aliceName, article["createdBy"]?.GetValue<string>());
            Assert.Equal(bobName, article["updatedBy"]?.GetValue<string>());
        }

        foreach (var file in Directory.GetFiles(folder, "*.jsonl"))
        {
            var lines = (await File.ReadAllLinesAsync(file)).Select(line =>
            {
                var row = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
                row.Remove("created_by");
                row.Remove("updated_by");
                return row.ToJsonString();
            });
            await File.WriteAllLinesAsync(file, lines);
        }
        var older = Path.Combine(CommandRunner.TempDirectory(), "older.db");
        (exitCode, output) = await CommandRunner.RunAsync(older, "import", folder);
        Assert.True(exitCode == 0, output);
        using var olderApp = new OnDatabaseFile(older);
        var withoutNames = await olderApp.Reader().GetJsonAsync($"/api/v1/articles/{id}");
        Assert.Null(withoutNames["createdBy"]?.GetValue<string>());
        Assert.Null(withoutNames["updatedBy"]?.GetValue<string>());
    }

    /// <summary>Revisions and restore arrived beside the key names: a revision kept no name and a restore recorded none.</summary>
    [Fact]
    public async Task A_revision_names_the_key_that_wrote_it_and_a_restore_keeps_the_creator_and_names_the_restorer()
    {
        var (alice, aliceName) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var (carol, carolName) = await factory.DeskKeyAsync("carol");
        var id = await ArticleByAsync(alice);
        await (await bob.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Bob 改的標題" })).AssertJsonAsync();

        var revisions = await factory.Reader().GetJsonAsync($"/api/v1/articles/{id}/revisions");
        Assert.Equal(aliceName, revisions["items"]![0]!["updatedBy"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync($"/api/v1/articles/{id}")).StatusCode);
        Assert.Equal(bobName, (await factory.Reader().GetJsonAsync($"/api/v1/articles/{id}/revisions"))["items"]![0]!["updatedBy"]!.GetValue<string>());
        var restored = await (await carol.PostAsync($"/api/v1/articles/{id}/restore", null)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(aliceName, restored["createdBy"]!.GetValue<string>());
        Assert.Equal(carolName, restored["updatedBy"]!.GetValue<string>());
    }
}
