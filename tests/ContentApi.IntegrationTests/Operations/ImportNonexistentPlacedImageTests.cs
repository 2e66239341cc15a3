using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A file whose body places an image no image has by a reference import leaves as written (<c>![a][p]</c> with
/// <c>[p]: image:99999</c>) was told to add it to imageIds, where the file would then be refused for listing an image
/// that does not exist: the API tells such a body in one answer that the image does not exist, and so does import now.
/// </summary>
public sealed class ImportNonexistentPlacedImageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(int ExitCode, string Output)> ImportAsync(string body)
    {
        var folder = CommandRunner.TempDirectory();
        var title = $"Placed {Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(folder, "placed.md"), $"---\ntitle: {title}\nauthors: J\nimageIds: []\n---\n\n{body}\n\nText.\n");
        return await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);
    }

    [Fact]
    public async Task Import_of_a_body_placing_an_image_that_does_not_exist_says_so_and_not_to_list_it()
    {
        var (exitCode, output) = await ImportAsync("![a][p]\n\n[p]: image:99999");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("placed.md:7: error: body: Places images that do not exist: image:99999 (there is no image with those ids).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Add them to imageIds", output, StringComparison.Ordinal);
        Assert.Contains("articles created: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_body_placing_a_missing_and_an_existing_unlisted_image_tells_each_what_to_do()
    {
        var existing = await new TestContent(factory.Writer()).ImageAsync();

        var (exitCode, output) = await ImportAsync($"![a][p]\n\n![b][q]\n\n[p]: image:99999\n[q]: image:{existing}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("body: Places images that do not exist: image:99999 (", output, StringComparison.Ordinal);
        Assert.Contains($"body: Places images that are neither in imageIds nor the coverImageId: image:{existing}. Add them to imageIds.", output, StringComparison.Ordinal);
    }
}
