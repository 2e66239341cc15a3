using ContentApi.Cli;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// <c>export PATH</c> takes an existing empty folder, such as one under /tmp that another user of the machine made
/// beforehand. Between the command's check that it is empty and the export's writing, that user could put a file or a
/// link at the name of an export's file: the export wrote through the link (over any file the admin may write, such as
/// ~/.bashrc, with the admin's rights) or into the planted file, readable by its planter, with every draft and
/// author's e-mail address. The export writes only files it makes itself, and refuses anything else at their names.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExportPlantedFilesTests
{
    [Theory]
    [InlineData("articles.jsonl")]
    [InlineData("manifest.json")]
    public async Task Export_does_not_write_through_a_link_put_in_its_folder_after_the_check(string name)
    {
        var (database, folder, export) = await SeededAsync();
        var victim = Path.Combine(folder, "victim.txt");
        await File.WriteAllTextAsync(victim, "the admin's own file");

        var exitCode = await ExportAsync(database, export, () => File.CreateSymbolicLink(Path.Combine(export, name), victim));

        Assert.Equal("the admin's own file", await File.ReadAllTextAsync(victim));
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Export_does_not_write_into_a_file_someone_else_put_in_its_folder_after_the_check()
    {
        var (database, _, export) = await SeededAsync();
        var planted = Path.Combine(export, "authors.jsonl");
        FileStream? planterHandle = null;

        var exitCode = await ExportAsync(database, export, () =>
        {
            File.WriteAllText(planted, "");
            File.SetUnixFileMode(planted, (UnixFileMode)0b110_110_110); // rw-rw-rw-
            // Its planter keeps it open, to read what lands in it even if the export then removes it.
            planterHandle = new FileStream(planted, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        });

        await using (planterHandle)
        {
            Assert.Equal(1, exitCode);
            Assert.Equal(0, planterHandle!.Length);
        }
    }

    [Fact]
    public async Task Export_markdown_does_not_write_into_a_folder_a_link_put_in_its_place_leads_to()
    {
        var (database, folder, export) = await SeededAsync();
        var elsewhere = Path.Combine(folder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var kept = Path.Combine(elsewhere, "notes.md");
        await File.WriteAllTextAsync(kept, "the admin's own notes");

        var exitCode = await ExportAsync(database, export, () => Directory.CreateSymbolicLink(Path.Combine(export, "markdown"), elsewhere), "--markdown");

        Assert.Equal([kept], Directory.EnumerateFileSystemEntries(elsewhere));
        Assert.Equal("the admin's own notes", await File.ReadAllTextAsync(kept));
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Export_into_an_empty_folder_still_writes_every_file()
    {
        var (database, _, export) = await SeededAsync();

        var exitCode = await ExportAsync(database, export, () => { }, "--markdown");

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(Path.Combine(export, "manifest.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(export, "markdown"), "*.md"));
    }

    /// <summary>A seeded database, the folder it is in, and an empty folder there to export into.</summary>
    private static async Task<(string Database, string Folder, string Export)> SeededAsync()
    {
        var folder = CommandRunner.TempDirectory();
        var database = Path.Combine(folder, "content.db");
        var (seeded, output) = await CommandRunner.RunAsync(database, "seed", "--articles", "3");
        Assert.True(seeded == 0, output);
        var export = Path.Combine(folder, "export");
        Directory.CreateDirectory(export);
        return (database, folder, export);
    }

    /// <summary>
    /// Runs <c>export</c>, with <paramref name="plant"/> run as the command starts its app: after it found the folder
    /// empty, before it writes.
    /// </summary>
    private static async Task<int> ExportAsync(string database, string export, Action plant, params string[] options)
    {
        using var output = new StringWriter();
        var planted = false;
        return await AdminCommands.RunAsync(["export", export, .. options], output, builder =>
        {
            CommandRunner.UsingDatabase(database)(builder);
            if (!planted)
            {
                plant();
                planted = true;
            }
        });
    }
}
