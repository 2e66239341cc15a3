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

    /// <summary>
    /// Hunt: a link written relative to its folder, <c>sub/loop -&gt; ../</c>, as <c>ln -s ../ loop</c> makes it, was
    /// followed 40 times (until the kernel's link limit), each round naming the same file by a longer path.
    /// </summary>
    [Fact]
    public void A_loop_through_a_relative_link_is_followed_once()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        File.WriteAllText(Path.Combine(root, "a.md"), "");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "loop"), "../");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "up"), "../sub/loop");

        var files = MarkdownFiles.In(root);

        Assert.Equal([Path.Combine(root, "a.md")], files);
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

    /// <summary>
    /// A migration trial: Hugo's and Zola's section list pages (<c>_index.md</c>) became articles (the site's home page
    /// one with the import folder's name as its slug), and Docusaurus' and Astro's <c>.mdx</c> posts were skipped without
    /// a word.
    /// </summary>
    [Fact]
    public void Section_list_pages_and_mdx_files_are_left_out_with_the_reason()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "blog", "bundle"));
        File.WriteAllText(Path.Combine(root, "_index.md"), "");
        File.WriteAllText(Path.Combine(root, "blog", "_index.ja.md"), "");
        File.WriteAllText(Path.Combine(root, "blog", "bundle", "index.md"), "");
        File.WriteAllText(Path.Combine(root, "blog", "post.md"), "");
        File.WriteAllText(Path.Combine(root, "blog", "2021-08-01-mdx-blog-post.mdx"), "");
        File.WriteAllText(Path.Combine(root, "blog", "notes.txt"), "");

        var listing = MarkdownFiles.List(root);

        Assert.Equal([Path.Combine("blog", "bundle", "index.md"), Path.Combine("blog", "post.md")], listing.Files.Select(f => Path.GetRelativePath(root, f)));
        Assert.Equal([Path.Combine("_index.md"), Path.Combine("blog", "2021-08-01-mdx-blog-post.mdx"), Path.Combine("blog", "_index.ja.md")],
            listing.LeftOut.Select(entry => Path.GetRelativePath(root, entry.File)));
        Assert.StartsWith("not imported: '_index' is a section's list page", listing.LeftOut[0].Why, StringComparison.Ordinal);
        Assert.StartsWith("not imported: an MDX file", listing.LeftOut[1].Why, StringComparison.Ordinal);
    }

    /// <summary>Review: older Jekyll sites' posts named <c>.mdown</c>, <c>.mkd</c>, <c>.mkdn</c> or <c>.mkdown</c> were skipped without a word.</summary>
    [Fact]
    public void Every_common_markdown_extension_is_listed()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        string[] names = ["a.md", "b.markdown", "c.mdown", "d.mkd", "e.mkdn", "f.MKDOWN"];
        foreach (var name in names.Append("g.mkdownx").Append("h.txt"))
        {
            File.WriteAllText(Path.Combine(root, name), "");
        }

        var listing = MarkdownFiles.List(root);

        Assert.Equal(names, listing.Files.Select(Path.GetFileName));
        Assert.Empty(listing.LeftOut);
    }

    /// <summary>Fuzz: one folder whose name is not UTF-8 stopped the whole import, the other files never read.</summary>
    [Fact]
    public void A_folder_that_cannot_be_read_is_left_out_and_the_rest_listed()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-markdownfiles", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "ok.md"), "");
        var badName = System.Text.Encoding.UTF8.GetBytes(root + "/bad").Concat(new byte[] { 0xFF, (byte)'d', 0 }).ToArray();
        Assert.Equal(0, MakeDirectory(badName, Convert.ToUInt32("755", 8)));

        var listing = MarkdownFiles.List(root);

        Assert.Equal([Path.Combine(root, "ok.md")], listing.Files);
        Assert.StartsWith("not imported: the folder could not be read", Assert.Single(listing.LeftOut).Why, StringComparison.Ordinal);
        // It said "Could not find a part of the path" (hunt): the reason is the name.
        Assert.Contains("(its name is not valid UTF-8", listing.LeftOut[0].Why, StringComparison.Ordinal);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    private static extern int MakeDirectory(byte[] path, uint mode);
}
