using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>Ranking over the fixture corpus: every query of Fixtures/search-corpus.json must give its expected top results.</summary>
public sealed class SearchRelevanceTests(SearchCorpusFactory factory) : IClassFixture<SearchCorpusFactory>
{
    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var query in SearchCorpus.Instance.Queries)
        {
            data.Add(query.Q, query.As ?? "anonymous");
        }
        return data;
    }

    [Fact]
    public void Corpus_covers_both_chinese_scripts_english_and_enough_queries()
    {
        var corpus = SearchCorpus.Instance;
        Assert.True(corpus.Articles.Count >= 30);
        Assert.True(corpus.Queries.Count >= 20);
        Assert.Equal(corpus.Articles.Count, corpus.Articles.Select(a => a.Slug).Distinct().Count());
        Assert.Equal(corpus.Queries.Count, corpus.Queries.Select(q => (q.Q, q.As)).Distinct().Count());
        foreach (var language in new[] { "zh-Hant", "zh-Hans", "en" })
        {
            Assert.True(corpus.Articles.Count(a => a.Language == language) >= 8, language);
        }
        var slugs = corpus.Articles.Select(a => a.Slug).ToHashSet();
        foreach (var query in corpus.Queries)
        {
            Assert.True(query.Ranked is not null || query.Top is not null, query.Q);
            Assert.All((query.Ranked ?? []).Concat(query.Top ?? []), slug => Assert.Contains(slug, slugs));
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_corpus_query_gives_expected_top_results(string q, string caller)
    {
        var expected = SearchCorpus.Instance.Queries.Single(x => x.Q == q && (x.As ?? "anonymous") == caller);
        var client = caller == "reader" ? factory.Reader() : factory.Anonymous();

        var results = await client.SearchAsync(q, "limit=100&fields=slug");
        var slugs = results.Slugs();

        var because = $"q={q} as {caller}: got [{string.Join(", ", slugs)}]";
        if (expected.Ranked is { } ranked)
        {
            Assert.True(slugs.Take(ranked.Count).SequenceEqual(ranked), because);
        }
        if (expected.Top is { } top)
        {
            Assert.True(slugs.Take(top.Count).ToHashSet().SetEquals(top), because);
        }
        if (expected.Total is { } total)
        {
            Assert.True(total == results.Total() && total == slugs.Count, because);
        }
    }

    [Fact]
    public async Task Search_anonymous_never_finds_the_corpus_draft_or_scheduled_article()
    {
        foreach (var q in new[] { "Qwen4", "內部預覽", "得獎名單", "金馬獎 出爐" })
        {
            Assert.Equal(0, (await factory.Anonymous().SearchAsync(q)).Total());
            Assert.Equal(1, (await factory.Reader().SearchAsync(q)).Total());
        }
    }
}
