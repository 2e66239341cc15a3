using System.Runtime.InteropServices;
using System.Text;
using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hunt: a file named with a byte that is not UTF-8 (<c>touch $'bad\xff.md'</c>) was listed by a name that opens
/// nothing, and its import failed with "Could not find file"; it is refused as a file that cannot be read, saying why.
/// </summary>
public sealed class NonUtf8NameTests
{
    [Fact]
    public async Task A_file_whose_name_is_not_utf8_cannot_be_read_because_of_its_name()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-nonutf8name", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var fd = CreateFile([.. Encoding.UTF8.GetBytes(root + "/bad"), 0xFF, .. ".md"u8, 0], Convert.ToUInt32("644", 8));
        Assert.True(fd >= 0);
        Assert.Equal(0, CloseFile(fd));

        var listed = Assert.Single(MarkdownFiles.List(root).Files);
        var (text, problem) = await ImportFileText.ReadAsync(listed, CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(Path.Combine(root, "bad\uFFFD.md"), problem!.File);
        Assert.Equal(
            "The file cannot be read: its name is not valid UTF-8 (shown with U+FFFD, \uFFFD, where its bytes are not), so it cannot be opened by that name: rename it in UTF-8 to import it.",
            problem.Message);
    }

    [Fact]
    public async Task A_utf8_name_that_holds_a_replacement_character_is_read()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-nonutf8name", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "real\uFFFD.md"), "Text.\n");

        var (text, problem) = await ImportFileText.ReadAsync(Assert.Single(MarkdownFiles.List(root).Files), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal("Text.\n", text);
    }

    [DllImport("libc", EntryPoint = "creat", SetLastError = true)]
    private static extern int CreateFile(byte[] path, uint mode);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseFile(int fd);
}
