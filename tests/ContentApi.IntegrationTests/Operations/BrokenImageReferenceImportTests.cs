using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Hunt: the import command said a body's image:0, or an id too large for one, was not an http URL, as if it were an
/// image to create; it now says what is wrong with the id.
/// </summary>
public sealed class BrokenImageReferenceImportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("image:0", "0 is no id (ids start at 1)")]
    [InlineData("image:99999999999999999999", "99999999999999999999 is past the largest id, 9223372036854775807")]
    public async Task A_body_image_reference_naming_no_image_fails_saying_what_is_wrong_with_its_id(string url, string why)
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "post.md"), $"---\ntitle: Broken reference\nauthors: J\n---\n\n![a]({url})\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains($"post.md:6: error: Image 'a' places {url}, a reference that names no image: {why}. Write image:ID, the id of a stored image.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("http", output, StringComparison.Ordinal);
        Assert.Contains("failed: 1", output, StringComparison.Ordinal);
    }
}
