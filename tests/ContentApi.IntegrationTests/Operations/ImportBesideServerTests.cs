using ContentApi.Cli;
using ContentApi.Data;
using ContentApi.Import;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary><c>import</c> run while a server writes to the same database.</summary>
public sealed class ImportBesideServerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Import fills in what a stored image lacks from the file (here its credit): it read the image, merged, and replaced
    /// it whole with no condition, so an edit committed between its read and its write (an editor setting the license
    /// through the API) was undone, and a caption or credit set meanwhile was overwritten, which the merge never does.
    /// </summary>
    [Fact]
    public async Task An_edit_of_a_stored_image_committed_while_import_completes_it_is_kept()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var url = $"https://images.example.com/{marker}.jpg";
        var image = (await factory.Writer().PostOkAsync("/api/v1/images", new { url, altText = "示意圖" }))["id"]!.GetValue<long>();
        await new TestContent(factory.Writer()).AuthorAsync($"Writer {marker}");
        var file = Path.Combine(CommandRunner.TempDirectory(), "post.md");
        await File.WriteAllTextAsync(file, $"---\ntitle: Post {marker}\nauthors: Writer {marker}\n---\n\nText.\n\n![示意圖]({url})\n圖源:Importer {marker}\n");

        var problems = await ImportWhileAnotherWriteCommitsFirstAsync(file,
            "UPDATE images SET license = 'CC BY 4.0', version = version + 1 WHERE id = @Id", new { Id = image });

        Assert.DoesNotContain(problems, p => p.Severity == ImportSeverity.Error);

        var stored = await (await factory.Writer().GetAsync($"/api/v1/images/{image}")).AssertJsonAsync();
        Assert.Equal("CC BY 4.0", stored["license"]?.GetValue<string>());
        Assert.Contains($"Importer {marker}", stored["credit"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// A re-import keeps the publication date of a published article whose file gives none: it read the article, built
    /// its request with the date read, and replaced it with no condition, so a new date an editor set through a running
    /// server in between was put back to the old one.
    /// </summary>
    [Fact]
    public async Task An_edit_of_an_article_committed_while_import_replaces_it_keeps_what_the_file_leaves_to_the_stored_article()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var author = await new TestContent(factory.Writer()).AuthorAsync($"Writer {marker}");
        var slug = $"post-{marker}";
        var article = await factory.Writer().PostOkAsync("/api/v1/articles", new
        {
            title = $"Post {marker}", body = "Text.", language = "en", authorIds = new[] { author }, status = "published",
            slug, publishedAt = "2024-01-02T03:04:05Z",
        });
        var file = Path.Combine(CommandRunner.TempDirectory(), "post.md");
        await File.WriteAllTextAsync(file, $"---\ntitle: Post {marker}\nslug: {slug}\nstatus: published\nlanguage: en\nauthors: Writer {marker}\n---\n\nText, edited.\n");

        var problems = await ImportWhileAnotherWriteCommitsFirstAsync(file,
            "UPDATE articles SET published_at = '2024-05-06T07:08:09.000000Z', version = version + 1 WHERE id = @Id", new { Id = article["id"]!.GetValue<long>() });

        Assert.DoesNotContain(problems, p => p.Severity == ImportSeverity.Error);
        var stored = await (await factory.Writer().GetAsync($"/api/v1/articles/{article["id"]}")).AssertJsonAsync();
        Assert.Equal("Text, edited.", stored["body"]!.GetValue<string>().Trim());
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), stored["publishedAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>
    /// Import finds an author or tag by name, and an image by URL, then creates it when none was found: an API client
    /// creating the same one between the look-up and the create (made here through the import's own writer, as the
    /// server's would be) left two rows, and the imported article named the import's copy. The look-up now runs in the
    /// create's write transaction, so it finds the one committed first.
    /// </summary>
    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task What_an_API_client_creates_while_import_looks_it_up_is_found_not_made_twice(string table)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (author, tag, url) = ($"Writer {marker}", $"Topic {marker}", $"https://images.example.com/{marker}.jpg");
        var content = new TestContent(factory.Writer());
        // Only the one under test is new to the database, so that its create is the import's first write.
        if (table != "authors")
        {
            await content.AuthorAsync(author);
        }
        if (table == "images")
        {
            await content.TagAsync(tag);
        }
        var file = Path.Combine(CommandRunner.TempDirectory(), "post.md");
        await File.WriteAllTextAsync(file, $"---\ntitle: Post {marker}\nauthors: {author}\n" +
            (table == "authors" ? "" : $"tags: {tag}\n") + $"---\n\nText.\n" + (table == "images" ? $"\n![示意圖]({url})\n" : ""));
        var (insertSql, countSql) = table switch
        {
            "authors" => (
                "INSERT INTO authors (id, slug, name, created_at, updated_at, version) VALUES ((SELECT last_id + 1 FROM id_high_water WHERE name = 'authors'), @Slug, @Name, @Now, @Now, 1)",
                "SELECT count(*) FROM authors WHERE name = @Name"),
            "tags" => (
                "INSERT INTO tags (id, slug, name, created_at, updated_at, version) VALUES ((SELECT last_id + 1 FROM id_high_water WHERE name = 'tags'), @Slug, @Name, @Now, @Now, 1)",
                "SELECT count(*) FROM tags WHERE name = @Name"),
            _ => (
                "INSERT INTO images (id, url, alt_text, created_at, updated_at, version) VALUES ((SELECT last_id + 1 FROM id_high_water WHERE name = 'images'), @Url, '示意圖', @Now, @Now, 1)",
                "SELECT count(*) FROM images WHERE url = @Url"),
        };
        var row = new { Slug = $"api-{marker}", Name = table == "tags" ? tag : author, Url = url, Now = "2024-05-06T07:08:09.000000Z" };

        var problems = await ImportWhileAnotherWriteCommitsFirstAsync(file, insertSql, row);

        Assert.DoesNotContain(problems, p => p.Severity == ImportSeverity.Error);
        using var connection = factory.OpenDatabase();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(countSql, row));
    }

    /// <summary>
    /// Imports <paramref name="file"/> beside the server, with <paramref name="editSql"/> committed after the import has
    /// read what it updates and before its update: the import's writer is busy with that edit (an editor's through the
    /// server, made here through the import's own writer, which holds the database's write lock meanwhile) until the
    /// update has queued behind it.
    /// </summary>
    private async Task<IReadOnlyList<ImportProblem>> ImportWhileAnotherWriteCommitsFirstAsync(string file, string editSql, object editParameters)
    {
        await using var app = await CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(factory.DatabasePath));
        var db = app.Services.GetRequiredService<Db>();
        var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(app.Services);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var edit = db.WriteAsync(async (connection, transaction) =>
        {
            holding.SetResult();
            await release.Task;
            return await connection.ExecuteAsync(editSql, editParameters, transaction);
        }, CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var import = importer.ImportFileAsync(file, new ImportSummary(), ImportOptions.None, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (db.QueuedWrites == 0 && !import.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the import's update never reached the writer");
            await Task.Delay(10);
        }
        release.SetResult();
        Assert.Equal(1, await edit);
        return await import;
    }
}
