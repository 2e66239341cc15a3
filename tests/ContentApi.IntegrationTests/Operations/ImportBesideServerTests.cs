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

        await using var app = await CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(factory.DatabasePath));
        var db = app.Services.GetRequiredService<Db>();
        var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(app.Services);
        // The import's writer is busy when its update of the image comes: another write, which commits first, is the
        // editor's (made here through the import's own writer, which holds the database's write lock meanwhile).
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var edit = db.WriteAsync(async (connection, transaction) =>
        {
            holding.SetResult();
            await release.Task;
            return await connection.ExecuteAsync(
                "UPDATE images SET license = 'CC BY 4.0', version = version + 1 WHERE id = @Id", new { Id = image }, transaction);
        }, CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var import = importer.ImportFileAsync(file, new ImportSummary(), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (db.QueuedWrites == 0 && !import.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the import's update of the image never reached the writer");
            await Task.Delay(10);
        }
        release.SetResult();
        Assert.Equal(1, await edit);
        Assert.DoesNotContain(await import, p => p.Severity == ImportSeverity.Error);

        var stored = await (await factory.Writer().GetAsync($"/api/v1/images/{image}")).AssertJsonAsync();
        Assert.Equal("CC BY 4.0", stored["license"]?.GetValue<string>());
        Assert.Contains($"Importer {marker}", stored["credit"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }
}
