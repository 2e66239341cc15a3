using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContentApi.IntegrationTests.Search;

/// <summary>The relevance corpus of Fixtures/search-corpus.json: articles to load and queries with their expected top results.</summary>
public sealed record SearchCorpus(IReadOnlyList<CorpusArticle> Articles, IReadOnlyList<CorpusQuery> Queries)
{
    private static readonly Lazy<SearchCorpus> Loaded = new(() => JsonSerializer.Deserialize<SearchCorpus>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "search-corpus.json")), ContentApi.TestSupport.HttpAssertions.Json)!);

    public static SearchCorpus Instance => Loaded.Value;
}

public sealed record CorpusImage(string? Caption, string? Credit);

/// <param name="BodyFile">A Markdown file under Fixtures/ to use as the body instead of <paramref name="Body"/>; its inline images are dropped.</param>
public sealed record CorpusArticle(
    string Slug, string Language, string Title, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags, string? Body = null, string? BodyFile = null,
    string? Status = null, DateTimeOffset? PublishedAt = null, string? Subtitle = null, CorpusImage? Cover = null)
{
    public string ReadBody() => BodyFile is null ? Body ?? ""
        : Regex.Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", BodyFile)), @"!\[[^\]]*\]\(image:\{\{\d+\}\}\)\n", "");
}

/// <param name="Ranked">The first results, in exactly this order.</param>
/// <param name="Top">The first results, in any order.</param>
/// <param name="Total">The exact number of results, when given.</param>
/// <param name="As">"anonymous" (default) or "reader".</param>
public sealed record CorpusQuery(string Q, IReadOnlyList<string>? Ranked = null, IReadOnlyList<string>? Top = null, long? Total = null, string? As = null, string? Why = null);
