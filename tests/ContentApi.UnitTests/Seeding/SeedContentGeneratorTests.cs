using System.Text.RegularExpressions;
using ContentApi.Import;
using ContentApi.Seeding;
using ContentApi.Text;

namespace ContentApi.UnitTests.Seeding;

public sealed partial class SeedContentGeneratorTests
{
    private static readonly SeedContentGenerator Generator = new(SeedSample.Seed, SeedSample.Now);

    [Fact]
    public void Generate_same_seed_gives_identical_articles()
    {
        var again = new SeedContentGenerator(SeedSample.Seed, SeedSample.Now).Generate(300).Select(Describe);
        Assert.Equal(SeedSample.Articles.Take(300).Select(Describe), again);
    }

    [Fact]
    public void Generate_different_seed_gives_different_articles()
    {
        var other = new SeedContentGenerator(SeedSample.Seed + 1, SeedSample.Now).Generate(300).ToList();
        var same = other.Zip(SeedSample.Articles).Count(pair => pair.First.Body == pair.Second.Body);
        Assert.Equal(0, same);
    }

    [Fact]
    public void Article_by_number_equals_the_generated_one() =>
        Assert.Equal(Describe(SeedSample.Articles[4321]), Describe(Generator.Article(4321)));

    [Fact]
    public void Generate_is_lazy_and_counts_from_zero()
    {
        Assert.Equal([0, 1, 2], Generator.Generate(3).Select(a => a.Number));
        Assert.Empty(Generator.Generate(0));
    }

    [Fact]
    public void Generate_negative_count_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.Generate(-1));

    [Fact]
    public void Generate_mixes_languages_half_traditional_quarter_simplified_quarter_english()
    {
        Assert.InRange(SeedSample.Share(a => a.Language == "zh-Hant"), 0.46, 0.54);
        Assert.InRange(SeedSample.Share(a => a.Language == "zh-Hans"), 0.22, 0.28);
        Assert.InRange(SeedSample.Share(a => a.Language == "en"), 0.22, 0.28);
    }

    [Fact]
    public void Generate_writes_some_traditional_articles_with_english_paragraphs()
    {
        var mixed = SeedSample.Share(a => a.Language == "zh-Hant" && EnglishParagraph().IsMatch(a.Body));
        Assert.InRange(mixed, 0.05, 0.12);
    }

    [Fact]
    public void Generate_puts_common_cjk_term_in_about_ten_percent_of_articles_and_never_in_english()
    {
        Assert.InRange(SeedSample.Share(a => a.Body.Contains(SeedContentGenerator.CommonCjkTerm, StringComparison.Ordinal)), 0.085, 0.115);
        Assert.DoesNotContain(SeedSample.Articles, a => a.Language == "en" && a.Body.Contains(SeedContentGenerator.CommonCjkTerm, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_puts_latin_term_in_about_five_percent_of_articles_of_every_language()
    {
        Assert.InRange(SeedSample.Share(a => a.Body.Contains(SeedContentGenerator.LatinTerm, StringComparison.Ordinal)), 0.04, 0.06);
        Assert.All(new[] { "zh-Hant", "zh-Hans", "en" }, language => Assert.Contains(SeedSample.Articles,
            a => a.Language == language && a.Body.Contains(SeedContentGenerator.LatinTerm, StringComparison.Ordinal)));
    }

    [Fact]
    public void Generate_puts_rare_term_in_exactly_one_article_per_thousand()
    {
        var numbers = SeedSample.Articles.Where(a => a.Body.Contains(SeedContentGenerator.RareTerm, StringComparison.Ordinal)).Select(a => a.Number).ToList();
        Assert.Equal([0, 1, 2, 3, 4], numbers.Select(n => n / SeedContentGenerator.RareTermPeriod));
        Assert.Single(numbers.Select(n => n % SeedContentGenerator.RareTermPeriod).Distinct());
    }

    [Fact]
    public void Generate_keeps_benchmark_terms_out_of_everything_but_bodies()
    {
        string[] terms = [SeedContentGenerator.CommonCjkTerm, SeedContentGenerator.RareTerm, SeedContentGenerator.LatinTerm];
        var texts = SeedSample.Articles.SelectMany(a => new[] { a.Title, a.Subtitle, a.Slug }
                .Concat(a.Images.SelectMany(i => new[] { i.AltText, i.Caption, i.Credit })))
            .Concat(Generator.Tags.SelectMany(t => new[] { t.Name, t.Description }))
            .Concat(Generator.Authors.SelectMany(t => new[] { t.Name, t.Bio }))
            .OfType<string>().Distinct().ToList();
        Assert.DoesNotContain(texts, text => terms.Any(term => text.Contains(term, StringComparison.Ordinal)));
    }

    [Fact]
    public void Generate_writes_about_three_thousand_characters_per_chinese_body()
    {
        var lengths = SeedSample.Articles.Where(a => a.Language != "en").Select(a => a.Body.Length).ToList();
        Assert.InRange(lengths.Average(), 2800, 3400);
        Assert.All(lengths, length => Assert.InRange(length, 2300, 4500));
    }

    [Fact]
    public void Generate_writes_six_to_nine_hundred_words_per_english_body()
    {
        var words = SeedSample.Articles.Where(a => a.Language == "en").Select(a => Word().Count(a.Body)).ToList();
        Assert.InRange(words.Average(), 650, 900);
        Assert.All(words, count => Assert.InRange(count, 550, 1050));
    }

    [Fact]
    public void Generate_shorter_length_settings_give_shorter_bodies()
    {
        var article = new SeedContentGenerator(1, SeedSample.Now, chineseCharacters: 600, englishWords: 150).Generate(50).ToList();
        Assert.All(article, a => Assert.True(a.Body.Length < 1800, $"{a.Language}: {a.Body.Length}"));
    }

    [Fact]
    public void Generate_bodies_have_section_headings_and_end_with_one_newline() =>
        Assert.All(SeedSample.Articles, a =>
        {
            Assert.True(Heading().Count(a.Body) >= 2);
            Assert.EndsWith("\n", a.Body, StringComparison.Ordinal);
            Assert.False(a.Body.EndsWith("\n\n", StringComparison.Ordinal));
            Assert.False(a.Body.StartsWith('\n'));
        });

    [Fact]
    public void Generate_gives_one_to_three_images_each_referenced_exactly_once()
    {
        Assert.All(SeedSample.Articles, a =>
        {
            Assert.InRange(a.Images.Count, 1, 3);
            var referenced = Placeholder().Matches(a.Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, a.Images.Count), referenced.Order());
            Assert.True(a.CoverImageIndex is null or 0);
        });
        Assert.Equal([1, 2, 3], SeedSample.Articles.Select(a => a.Images.Count).Distinct().Order());
    }

    [Fact]
    public void Generate_images_have_cdn_urls_and_complete_metadata() =>
        Assert.All(SeedSample.Articles.SelectMany(a => a.Images), image =>
        {
            Assert.Matches(@"^https://images\.example\.com/\d{4}/\d{2}/[0-9a-f]{16}\.(jpg|png|webp)$", image.Url);
            Assert.Contains(image.MimeType, new[] { "image/jpeg", "image/png", "image/webp" });
            Assert.True(image.Width > 0 && image.Height > 0 && image.ByteSize > 0);
            Assert.False(string.IsNullOrWhiteSpace(image.AltText));
            // The importer must recognise the seeder's credit lines, so exported demo articles behave like real ones.
            Assert.True(image.Credit is null || ImageAnnotations.IsCredit(image.Credit), image.Credit);
        });

    [Fact]
    public void Generate_credits_some_images_in_chinese_and_some_in_english()
    {
        var credits = SeedSample.Articles.SelectMany(a => a.Images).Select(i => i.Credit).OfType<string>().ToHashSet();
        Assert.Contains("圖源:財聯社", credits);
        Assert.Contains("Photo: Reuters", credits);
        Assert.Contains(credits, c => c.StartsWith("图源", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_names_two_authors_and_three_tags_each_distinct_and_in_range() =>
        Assert.All(SeedSample.Articles, a =>
        {
            Assert.Equal(2, a.AuthorIndexes.Distinct().Count());
            Assert.Equal(3, a.TagIndexes.Distinct().Count());
            Assert.All(a.AuthorIndexes, i => Assert.InRange(i, 0, Generator.Authors.Count - 1));
            Assert.All(a.TagIndexes, i => Assert.InRange(i, 0, Generator.Tags.Count - 1));
        });

    [Fact]
    public void Generate_makes_about_five_percent_drafts_without_published_at()
    {
        Assert.InRange(SeedSample.Share(a => a.Status == "draft"), 0.035, 0.065);
        Assert.All(SeedSample.Articles, a => Assert.Equal(a.Status == "draft", a.PublishedAt is null));
        Assert.All(SeedSample.Articles, a => Assert.Contains(a.Status, new[] { "draft", "published" }));
    }

    [Fact]
    public void Generate_spreads_publication_over_three_years_before_now()
    {
        var dates = SeedSample.Articles.Select(a => a.PublishedAt).OfType<DateTimeOffset>().ToList();
        Assert.All(dates, d => Assert.InRange(d, SeedSample.Now.AddDays(-3 * 365), SeedSample.Now));
        Assert.True(dates.Min() < SeedSample.Now.AddDays(-1000) && dates.Max() > SeedSample.Now.AddDays(-30));
        Assert.All(dates, d => Assert.Equal(TimeSpan.Zero, d.Offset));
    }

    [Fact]
    public void Generate_gives_valid_unique_slugs() =>
        Assert.All(SeedSample.Articles.GroupBy(a => a.Slug), group =>
        {
            Assert.Single(group);
            Assert.True(Slugs.IsValid(group.Key), group.Key);
        });

    [Fact]
    public void Generate_gives_some_subtitles_and_given_excerpts()
    {
        Assert.InRange(SeedSample.Share(a => a.Subtitle is not null), 0.3, 0.4);
        Assert.InRange(SeedSample.Share(a => a.Excerpt is not null), 0.15, 0.25);
        Assert.All(SeedSample.Articles.Where(a => a.Excerpt is not null), a => Assert.StartsWith(a.Excerpt!, a.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void BodyWith_replaces_each_placeholder_with_its_image_id()
    {
        var article = SeedSample.Articles.First(a => a.Images.Count == 3);
        var body = article.BodyWith([7, 8, 9]);
        Assert.DoesNotContain("image:{", body, StringComparison.Ordinal);
        Assert.Equal(["image:7", "image:8", "image:9"], ImageId().Matches(body).Select(m => m.Value).Order());
        Assert.Throws<ArgumentException>(() => article.BodyWith([1]));
    }

    [Fact]
    public void Seed_articles_survive_export_and_import_unchanged() =>
        Assert.All(SeedSample.Articles.Take(300), seed =>
        {
            var ids = seed.Images.Select((_, i) => 1000L + i).ToList();
            var export = new ExportArticle(
                seed.Title, seed.Slug, seed.Language, seed.Status, seed.BodyWith(ids),
                [.. seed.AuthorIndexes.Select(i => new NamedRef(Generator.Authors[i].Name, Generator.Authors[i].Slug))],
                [.. seed.TagIndexes.Select(i => new NamedRef(Generator.Tags[i].Name))],
                seed.PublishedAt, seed.Subtitle, seed.Excerpt);
            var result = MarkdownImportParser.Parse(seed.Slug + ".md", MarkdownExportWriter.Write(export));
            Assert.Empty(result.Problems);
            var document = result.Document!;
            Assert.Equal((seed.Title, seed.Subtitle, seed.Excerpt, seed.PublishedAt), (document.Title, document.Subtitle, document.Excerpt, document.PublishedAt));
            Assert.Equal(export.Authors, document.Authors);
            Assert.Equal(ids, document.Images.Select(i => i.ExistingImageId!.Value));
            Assert.Equal(export.Body, document.BodyWith(ids));
        });

    [Fact]
    public void Authors_are_twenty_in_three_languages_with_unique_valid_slugs()
    {
        Assert.Equal(20, Generator.Authors.Count);
        Assert.Equal(["en", "zh-Hans", "zh-Hant"], Generator.Authors.Select(a => a.Language).Distinct().Order());
        Assert.Equal(Generator.Authors.Count, Generator.Authors.Select(a => a.Slug).Distinct().Count());
        Assert.All(Generator.Authors, a => Assert.True(Slugs.IsValid(a.Slug) && a.Email.EndsWith("@example.com", StringComparison.Ordinal), a.Slug));
    }

    [Fact]
    public void Tags_are_about_forty_with_unique_names_and_valid_slugs()
    {
        Assert.InRange(Generator.Tags.Count, 38, 46);
        Assert.Equal(Generator.Tags.Count, Generator.Tags.Select(t => t.Name).Distinct().Count());
        Assert.Equal(Generator.Tags.Count, Generator.Tags.Select(t => t.Slug).Distinct().Count());
        Assert.All(Generator.Tags, t => Assert.True(Slugs.IsValid(t.Slug), t.Slug));
        Assert.Contains(Generator.Tags, t => t.Name == "人工智慧");
        Assert.Contains(Generator.Tags, t => t.Name == "Semiconductors");
    }

    [Fact]
    public void Every_tag_and_author_is_used() =>
        Assert.Equal(
            (Generator.Tags.Count, Generator.Authors.Count),
            (SeedSample.Articles.SelectMany(a => a.TagIndexes).Distinct().Count(), SeedSample.Articles.SelectMany(a => a.AuthorIndexes).Distinct().Count()));

    private static string Describe(SeedArticle a) => string.Join("|",
        a.Number, a.Title, a.Slug, a.Subtitle, a.Excerpt, a.Body, a.Language, a.Status, a.PublishedAt?.ToString("O"),
        string.Join(",", a.AuthorIndexes), string.Join(",", a.TagIndexes), a.CoverImageIndex, string.Join(";", a.Images));

    [GeneratedRegex(@"\n[A-Z][a-z]+[^\n]* the [^\n]*\.\n")]
    private static partial Regex EnglishParagraph();

    [GeneratedRegex(@"^## \S", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(image:\{(\d+)\}\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"image:\d+")]
    private static partial Regex ImageId();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
