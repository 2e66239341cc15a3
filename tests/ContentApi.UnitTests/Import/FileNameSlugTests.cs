using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Jekyll and Hugo make a post's URL from its file name (<c>_posts/2024-05-01-welcome.md</c> is <c>…/welcome/</c>, a page
/// bundle <c>posts/qwen/index.md</c> is <c>…/qwen/</c>); import derived every slug from the title, so a migrated site's
/// URLs changed. <c>import --slugs-from-file-names</c> takes the slug the generator made. Zola parts a file name's date
/// from the rest with an underscore too (<c>2024-05-01_hello.md</c> is <c>…/hello/</c>).
/// </summary>
public sealed class FileNameSlugTests
{
    [Theory]
    [InlineData("_posts/2024-05-01-welcome.md", "welcome")]
    [InlineData("_posts/2024-05-01-welcome-to-jekyll.markdown", "welcome-to-jekyll")]
    [InlineData("posts/my-first-post.md", "my-first-post")]
    [InlineData("posts/qwen/index.md", "qwen")]
    [InlineData("posts/qwen/index.ja.md", "qwen")]
    [InlineData("posts/qwen-launch.zh-hant.md", "qwen-launch")]
    [InlineData("posts/Hello World.md", "hello-world")]
    [InlineData("_posts/2025-12-04-通義千問發布.md", "通義千問發布")]
    [InlineData("posts/2024/_index.md", "2024")]
    [InlineData("notes.old.md", "notes-old")]
    [InlineData("blog/2021-08-26-welcome/index.md", "welcome")]
    [InlineData("content/blog/2024-05-01_hello-world.md", "hello-world")]
    public void The_slug_is_the_one_the_generator_makes_of_the_file_name(string path, string slug) =>
        Assert.Equal(slug, FileNameSlug.Of(Path.Combine(Path.GetTempPath(), "site", path)));

    [Theory]
    [InlineData("---.md")]
    [InlineData("2024-05-01-.md")]
    public void A_file_name_with_no_word_gives_no_slug(string path) => Assert.Null(FileNameSlug.Of(Path.Combine(Path.GetTempPath(), path)));

    [Fact]
    public void Parse_takes_the_file_names_slug_when_asked_and_the_file_gives_none()
    {
        var file = Path.Combine(Path.GetTempPath(), "site", "_posts", "2024-05-01-welcome.md");
        Assert.Equal("welcome", MarkdownImportParser.Parse(file, Import.Lines("---", "title: Welcome to Jekyll!", "---", "Body"), new ParseOptions(SlugFromFileName: true)).Document!.Slug);
        Assert.Equal("given", MarkdownImportParser.Parse(file, Import.Lines("---", "title: T", "slug: given", "---", "Body"), new ParseOptions(SlugFromFileName: true)).Document!.Slug);
        Assert.Null(MarkdownImportParser.Parse(file, Import.Lines("---", "title: T", "---", "Body")).Document!.Slug);
    }
}
