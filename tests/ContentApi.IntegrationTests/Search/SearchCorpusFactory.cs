using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// The app with the relevance corpus loaded through the API, once per test class. Test classes that use it only
/// read, so nothing depends on test order.
/// </summary>
public sealed class SearchCorpusFactory : ApiFactory, IAsyncLifetime
{
    private readonly Dictionary<string, long> _ids = [];

    /// <summary>Article id by corpus slug.</summary>
    public IReadOnlyDictionary<string, long> Ids => _ids;

    public async Task InitializeAsync()
    {
        var writer = Writer();
        var authors = new Dictionary<string, long>();
        var tags = new Dictionary<string, long>();
        var content = new TestContent(writer);
        foreach (var article in SearchCorpus.Instance.Articles)
        {
            var authorIds = new List<long>();
            foreach (var name in article.Authors)
            {
                authorIds.Add(authors.TryGetValue(name, out var id) ? id : authors[name] = await content.AuthorAsync(name));
            }
            var tagIds = new List<long>();
            foreach (var name in article.Tags)
            {
                tagIds.Add(tags.TryGetValue(name, out var id) ? id : tags[name] = await content.TagAsync(name));
            }
            long? coverId = article.Cover is { } cover ? await content.ImageAsync(cover.Credit, cover.Caption) : null;
            var created = await writer.PostOkAsync("/api/v1/articles", new
            {
                article.Slug,
                article.Title,
                article.Subtitle,
                Body = article.ReadBody(),
                article.Language,
                Status = article.Status ?? "published",
                article.PublishedAt,
                AuthorIds = authorIds,
                TagIds = tagIds,
                CoverImageId = coverId,
            });
            _ids[article.Slug] = created["id"]!.GetValue<long>();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
