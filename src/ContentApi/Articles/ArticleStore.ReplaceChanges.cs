using System.Data.Common;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// What a replace would change: nothing at all (it restates the article), or nothing the search index holds.
/// </summary>
public sealed partial class ArticleStore
{
    /// <summary>
    /// The article as stored, with its embeds, when <paramref name="request"/> (its status and derived excerpt as the
    /// replace reads them) restates it: an omitted slug, or publishedAt while published, is kept, and omitted tags and
    /// images are none, as the replace writes them. Its links are read only once everything else matches.
    /// </summary>
    private async Task<ArticleAggregate?> RestatedAsync(
        DbConnection connection, DbTransaction transaction, ArticleAggregate current, ArticleRequest request, CancellationToken cancellationToken)
    {
        var written = request with
        {
            Slug = request.Slug ?? current.Row.Slug,
            PublishedAt = PublishedAt(request, current.Row, Timestamps.ServerNow(clock)),
            TagIds = request.TagIds ?? [],
            ImageIds = request.ImageIds ?? [],
        };
        var withoutLinks = current.ToRequest() with { AuthorIds = written.AuthorIds, TagIds = written.TagIds, ImageIds = written.ImageIds };
        if (!Restatement.ChangesNothing(withoutLinks, written))
        {
            return null;
        }
        var stored = (await EmbedAsync(connection, transaction, [current.Row], ArticleEmbeds.All, cancellationToken))[0];
        return Restatement.ChangesNothing(stored.ToRequest(), written) ? stored : null;
    }

    private sealed record LinkId(string Kind, long Id);

    /// <summary>
    /// Whether a replace leaves everything the search index holds for the article as it is: its text, and which
    /// authors, tags and images (whose names, captions and credits are indexed) it has. Then the index is not
    /// rewritten: publishing, scheduling, a new slug or canonical URL cost no reindexing. Names changed on the
    /// authors, tags and images themselves reindex through their own writes.
    /// </summary>
    private static async Task<bool> IndexedTextUnchangedAsync(
        DbConnection connection, DbTransaction transaction, ArticleRow current, ArticleRequest request, ArticleTextStats stats, CancellationToken cancellationToken)
    {
        if (current.Title != request.Title || current.Subtitle != request.Subtitle || current.Body != request.Body ||
            (current.Excerpt ?? current.DerivedExcerpt) != (request.Excerpt ?? stats.DerivedExcerpt) || current.CoverImageId != request.CoverImageId)
        {
            return false;
        }
        var links = (await connection.QueryAsync<LinkId>(new CommandDefinition(ArticleQueries.LinkIds, new { current.Id }, transaction, cancellationToken: cancellationToken))).ToLookup(l => l.Kind, l => l.Id);
        return SameIds(links["a"], request.AuthorIds) && SameIds(links["t"], request.TagIds ?? []) && SameIds(links["i"], request.ImageIds ?? []);

        static bool SameIds(IEnumerable<long> stored, IEnumerable<long> requested) => stored.Order().SequenceEqual(requested.Order());
    }
}
