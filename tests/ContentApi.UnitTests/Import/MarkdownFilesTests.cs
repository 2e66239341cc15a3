using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class MarkdownFilesTests
{
    [Fact]
    public void Linked_folders_are_followed_once_and_a_loop_ends()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        var elsewhere = root + "-elsewhere";
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(root, "a.md"), "");
        File.WriteAllText(Path.Combine(root, "notes.txt"), "");
        File.WriteAllText(Path.Combine(root, "sub", "b.markdown"), "");
        File.WriteAllText(Path.Combine(elsewhere, "c.md"), "");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "loop"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(root, "linked-again"), elsewhere);

        var files = MarkdownFiles.In(root).Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.Equal(3, files.Count);
        Assert.Contains("a.md", files);
        Assert.Contains(Path.Combine("sub", "b.markdown"), files);
        Assert.Single(files, f => f.EndsWith("c.md", StringComparison.Ordinal));
    }

    /// <summary>A folder import took '.github/*.md' and an editor's trash for articles (operator).</summary>
    [Fact]
    public void Hidden_files_and_folders_are_left_out()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".github"));
        Directory.CreateDirectory(Path.Combine(root, "posts", ".obsidian", "trash"));
        File.WriteAllText(Path.Combine(root, "posts", "a.md"), "");
        File.WriteAllText(Path.Combine(root, "posts", ".draft.md"), "");
        File.WriteAllText(Path.Combine(root, ".github", "CONTRIBUTING.md"), "");
        File.WriteAllText(Path.Combine(root, "posts", ".obsidian", "trash", "old.md"), "");

        var files = MarkdownFiles.In(root).Select(f => Path.GetRelativePath(root, f));

        Assert.Equal([Path.Combine("posts", "a.md")], files);
    }
}
