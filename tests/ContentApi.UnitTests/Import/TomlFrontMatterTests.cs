using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hugo's TOML front matter (between <c>+++</c> lines, what <c>hugo new</c> writes by default) was refused, file by file,
/// as "convert it to YAML": a Hugo site could not be imported as it is.
/// </summary>
public sealed class TomlFrontMatterTests
{
    [Fact]
    public void Parse_hugos_toml_front_matter_gives_the_fields_yaml_would()
    {
        var document = Import.Succeeds(Import.Lines(
            "+++",
            "title = \"台積電高雄三廠動工\"",
            "slug = \"tsmc-kaohsiung\"",
            "date = 2025-12-04T10:00:00+08:00",
            "draft = false",
            "tags = [\"半導體\",",
            "  \"台積電\"]",
            "categories = [\"產業\"]",
            "authors = [\"王小明\"]",
            "summary = \"高雄三廠今天動工。\"",
            "[cover]",
            "image = \"https://images.example.com/c.jpg\"",
            "alt = \"工地\"",
            "+++",
            "",
            "# 台積電高雄三廠動工",
            "",
            "台積電今天宣布高雄三廠動工。"));

        Assert.Equal(("台積電高雄三廠動工", "tsmc-kaohsiung"), (document.Title, document.Slug));
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 2, 0, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Equal(["半導體", "台積電", "產業"], document.Tags.Names());
        Assert.Equal(["王小明"], document.Authors.Names());
        Assert.Equal("高雄三廠今天動工。", document.Excerpt);
        Assert.Equal(new CoverImageRef("https://images.example.com/c.jpg", "工地"), document.CoverImage);
        Assert.StartsWith("# 台積電高雄三廠動工", document.BodyTemplate, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_toml_keys_are_read_as_yaml_ones_are_with_problems_at_their_own_lines()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "+++", "title = \"T\"", "weight = 10", "status = \"archived\"", "[params]", "  toc = true", "+++", "Body"));

        Assert.Equal(
            [(ImportSeverity.Warning, 3), (ImportSeverity.Error, 4), (ImportSeverity.Warning, 5)],
            result.Problems.Select(problem => (problem.Severity, problem.Line)).OrderBy(problem => problem.Line));
        Assert.Contains("'status' must be 'draft' or 'published'", result.Problems.Single(p => p.Severity == ImportSeverity.Error).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "title = \"T\"", "date = 2025-13-45" }, 3)]
    [InlineData(new[] { "title = \"unterminated" }, 2)]
    [InlineData(new[] { "title = \"T\"", "title = \"again\"" }, 3)]
    public void Parse_invalid_toml_fails_at_its_file_line(string[] toml, int line)
    {
        var problem = Import.FailsWith(Import.Lines(["+++", .. toml, "+++", "Body"]));
        Assert.Equal(line, problem.Line);
        Assert.StartsWith("Front matter is not valid TOML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_toml_front_matter_never_closed_fails_at_line_one()
    {
        var problem = Import.FailsWith(Import.Lines("+++", "title = \"T\"", "Body"));
        Assert.Equal(1, problem.Line);
        Assert.Contains("'+++'", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Nesting is bounded as YAML's is (64 levels, the document's own table counted), on the parser's events, so that a
    /// deep file is an error at its line, not a stack overflow; the key nested to the bound is read (an unknown key here).
    /// </summary>
    [Theory]
    [InlineData("[", "]", 100_000, ImportSeverity.Error)]
    [InlineData("{a=", "}", 100_000, ImportSeverity.Error)]
    [InlineData("[", "]", 63, ImportSeverity.Warning)]
    [InlineData("{a=", "}", 63, ImportSeverity.Warning)]
    public void Parse_toml_nesting_is_bounded_as_yamls_is(string open, string close, int levels, ImportSeverity severity)
    {
        var value = string.Concat(Enumerable.Repeat(open, levels)) + "1" + string.Concat(Enumerable.Repeat(close, levels));
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("+++", "title = \"T\"", "deep = " + value, "+++", "Body"));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((severity, 3), (problem.Severity, problem.Line));
        Assert.Equal(severity == ImportSeverity.Error, problem.Message.Contains("deeper than 64", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_toml_dotted_keys_build_one_table()
    {
        var document = Import.Succeeds(Import.Lines(
            "+++", "title = \"T\"", "cover.image = \"https://images.example.com/c.jpg\"", "cover.alt = \"工地\"", "+++", "Body"));
        Assert.Equal(new CoverImageRef("https://images.example.com/c.jpg", "工地"), document.CoverImage);
    }

    [Fact]
    public void Parse_toml_author_and_tag_tables_give_names_with_slugs()
    {
        var document = Import.Succeeds(Import.Lines(
            "+++", "title = \"T\"", "[[authors]]", "name = \"王偉\"", "slug = \"wang-wei-2\"", "[[tags]]", "name = \"AI\"", "+++", "Body"));
        Assert.Equal(new NamedRef("王偉", "wang-wei-2"), Assert.Single(document.Authors));
        Assert.Equal(["AI"], document.Tags.Names());
    }
}
