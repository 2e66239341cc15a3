using System.Runtime.InteropServices;
using System.Text;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>Hunt: the import command said "Could not find file" of a file that is there, named with a byte that is not UTF-8 (<c>touch $'bad\xff.md'</c>).</summary>
public sealed class NonUtf8FileNameImportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_file_whose_name_is_not_utf8_is_refused_for_its_name_and_the_others_imported()
    {
        _ = factory.Services;
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), $"---\ntitle: Good name {Guid.NewGuid():N}\nauthors: J\n---\n\nBody.\n");
        var fd = CreateFile([.. Encoding.UTF8.GetBytes(folder + "/bad"), 0xFF, .. ".md"u8, 0], Convert.ToUInt32("644", 8));
        Assert.True(fd >= 0);
        Assert.Equal(0, CloseFile(fd));

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            $"{Path.Combine(folder, "bad\uFFFD.md")}:1: error: The file cannot be read: its name is not valid UTF-8 (shown with U+FFFD, \uFFFD, where its bytes are not), so it cannot be opened by that name: rename it in UTF-8 to import it.",
            output, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", output, StringComparison.Ordinal);
        Assert.Contains("articles created: 1, updated: 0, failed: 1", output, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "creat", SetLastError = true)]
    private static extern int CreateFile(byte[] path, uint mode);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseFile(int fd);
}
