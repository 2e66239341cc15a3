using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Front matter as MkDocs Material, Zola, vuepress-theme-hope, Docusaurus, Eleventy, vuepress-theme-reco and Gatsby
/// write it (a migration trial of their starters): MkDocs' dates failed the file, Zola's and Hope's tags were lost with
/// an unknown-key warning, pages the site kept out of sight were published, and the URLs a post's permalink or path gave
/// were lost.
/// </summary>
public sealed class OtherGeneratorsFrontMatterTests
{
    private static ImportResult Parse(params string[] frontMatter) =>
        MarkdownImportParser.Parse(Import.File, Import.Lines(["---", "title: T", "authors: [J]", .. frontMatter, "---", "Body"]));

    private static ImportDocument Succeeds(params string[] frontMatter)
    {
        var result = Parse(frontMatter);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Document!;
    }

    [Fact]
    public void Mkdocs_materials_created_date_is_the_publication_date_and_its_updated_date_is_ignored_with_the_reason()
    {
        var result = Parse("date:", "  created: 2023-12-31", "  updated: 2024-01-02");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero), result.Document!.PublishedAt);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((6, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Equal("'date.updated' ignored: the API sets an article's updatedAt when it is written.", warning.Message);
    }

    [Fact]
    public void A_bad_created_date_fails_at_its_line()
    {
        var result = Parse("date:", "  created: someday");
        Assert.Equal(5, Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error).Line);
    }

    [Fact]
    public void Zolas_taxonomies_give_the_tags_and_another_taxonomy_is_ignored_with_a_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "+++", "title = \"What is Zola\"", "date = 2019-11-27", "authors = [\"J\"]", "[taxonomies]", "tags = [\"rust\", \"ssg\"]", "categories = [\"programming\"]", "series = [\"intro\"]", "+++", "Body"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["rust", "ssg", "programming"], result.Document!.Tags.Names());
        var warning = Assert.Single(result.Problems); // at its table's line: TOML is read as YAML, which keeps the tables' lines
        Assert.Equal((5, "Unknown taxonomy 'series' (tags, categories and authors are read) ignored."), (warning.Line, warning.Message));
    }

    /// <summary>Review: many Zola themes name a page's authors as a taxonomy, which was ignored, so the file had none.</summary>
    [Fact]
    public void A_zola_authors_taxonomy_names_the_authors_unless_the_page_does()
    {
        var byTaxonomy = MarkdownImportParser.Parse(Import.File, Import.Lines("+++", "title = \"T\"", "[taxonomies]", "authors = [\"Ann\", \"Bo\"]", "+++", "Body"));
        var byKey = MarkdownImportParser.Parse(Import.File, Import.Lines("+++", "title = \"T\"", "authors = [\"Cy\"]", "[taxonomies]", "authors = [\"Ann\"]", "+++", "Body"));

        Assert.Equal(["Ann", "Bo"], byTaxonomy.Document!.Authors.Names());
        Assert.Empty(byTaxonomy.Problems);
        Assert.Equal(["Cy"], byKey.Document!.Authors.Names());
        Assert.Equal("'taxonomies.authors' ignored: 'authors' names the page's authors.", Assert.Single(byKey.Problems).Message);
    }

    [Fact]
    public void Vuepress_hopes_tag_and_category_are_tags()
    {
        Assert.Equal(["Vue", "Guide", "Docs"], Succeeds("tag: [Vue, Guide]", "category:", "  - Docs").Tags.Names());
    }

    [Theory]
    [InlineData("unlisted: true", 4)]
    [InlineData("eleventyExcludeFromCollections: true", 4)]
    [InlineData("permalink: false", 4)]
    [InlineData("publish: false", 4)]
    public void A_page_the_site_kept_out_of_sight_is_a_draft_with_a_warning(string hidden, int line)
    {
        var result = Parse(hidden, "date: 2024-05-01");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("draft", result.Document!.Status);
        Assert.Contains(result.Problems, p => p.Line == line && p.Severity == ImportSeverity.Warning &&
            p.Message == $"'{hidden}': imported as a draft, as the API lists every published article. Give 'status: published' instead to publish it.");
    }

    /// <summary>Review: beside draft: false the outcome hung on the keys' order, and a warning said "draft" of a published article.</summary>
    [Theory]
    [InlineData("unlisted: true", "draft: false", 4, "'unlisted: true' contradicts 'draft: false': keep one of them.")]
    [InlineData("draft: false", "eleventyExcludeFromCollections: true", 5, "'eleventyExcludeFromCollections: true' contradicts 'draft: false': keep one of them.")]
    [InlineData("publish: false", "published: true", 4, "'publish: false' contradicts 'published: true': keep one of them.")]
    public void Hidden_against_draft_false_fails_whichever_comes_first(string first, string second, int line, string message)
    {
        var error = Assert.Single(Parse(first, second, "date: 2024-05-01").Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal((line, message), (error.Line, error.Message));
    }

    [Fact]
    public void A_quoted_true_hides_the_page_too() =>
        Assert.Equal("draft", Parse("unlisted: \"true\"", "date: 2024-05-01").Document!.Status);

    [Theory]
    [InlineData("unlisted: false")]
    [InlineData("eleventyExcludeFromCollections: false")]
    [InlineData("publish: true")]
    public void Saying_a_page_is_shown_changes_nothing(string shown)
    {
        var result = Parse(shown, "date: 2024-05-01");

        Assert.Empty(result.Problems);
        Assert.Null(result.Document!.Status);
        Assert.NotNull(result.Document.PublishedAt);
    }

    [Fact]
    public void Hidden_against_status_published_fails_as_a_contradiction()
    {
        var result = Parse("status: published", "unlisted: true", "date: 2024-05-01");

        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal((5, "'unlisted: true' contradicts 'status: published': keep one of them."), (error.Line, error.Message));
    }

    [Theory]
    [InlineData("permalink: /posts/legacy-url/", "legacy-url")]
    [InlineData("path: 2024/custom-url", "custom-url")]
    [InlineData("path: /blog/my-first-post", "my-first-post")]
    public void A_permalink_or_path_is_an_earlier_url_of_the_post(string given, string slug) =>
        Assert.Equal(slug, Assert.Single(Succeeds(given).EarlierSlugs).Slug);

    [Theory]
    [InlineData("slug: /my/path/to/blog/post", "post")]
    [InlineData("slug: /2024/hello-world/", "hello-world")]
    public void A_docusaurus_slug_written_as_a_path_is_its_last_segment_with_a_warning(string given, string slug)
    {
        var result = Parse(given);

        Assert.Equal(slug, result.Document!.Slug);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((4, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Equal($"'slug' {given[6..]} is a path: its last segment, '{slug}', is the slug.", warning.Message);
    }

    /// <summary>Left as written, for the importer to refuse as the slug rules do.</summary>
    [Fact]
    public void A_slug_path_naming_no_post_stays_as_written()
    {
        var result = Parse("slug: /");
        Assert.Equal(("/", 0), (result.Document!.Slug, result.Problems.Count));
    }

    /// <summary>Eleventy's dates that name a file's time were "Unsupported date format", which did not say what to do.</summary>
    [Theory]
    [InlineData("Last Modified")]
    [InlineData("git Created")]
    public void Eleventys_file_time_dates_fail_saying_what_they_are(string date)
    {
        var error = Assert.Single(Parse($"date: {date}").Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal((4, $"'date: {date}' is Eleventy's: the file's time on disk or in git, which this import does not read (a copy of the site changes it). Give the post's date."),
            (error.Line, error.Message));
    }
}
