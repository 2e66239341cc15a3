using System.Globalization;
using ContentApi.Articles;
using ContentApi.Auth;
using ContentApi.Http.Binding;
using ContentApi.Http.Caching;
using ContentApi.Http.Limits;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ContentApi.Search;

public static class SearchEndpoints
{
    private const int MaxOffset = SearchPages.MaxOffset;

    /// <summary>What relevance cursors named before search had other sorts; still read, so a page open then still goes on.</summary>
    private const string EarlierRelevanceCursor = "rank";

    private static readonly string DefaultFields = string.Join(',', ArticleView.SearchFieldNames.Where(f => f != "body"));

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapMethods("/search", EndpointConventions.ReadMethods, SearchArticles).WithTags("Search").WithName("SearchArticles").WithSummary("Search articles")
            .WithDescription("Full-text search over titles, subtitles, excerpts, bodies, author and tag names, and image captions and credits, " +
                "ranked with articles whose title holds every word first, then by BM25 (title matches weigh most; ties go to the newest). Works for Chinese (Traditional and Simplified match each other), " +
                "Japanese, Korean and Latin scripts. Each item carries `highlights`; items leave out `body` unless `fields` names it. Same visibility and filters as the article list " +
                "(but `status`); " +
                $"pages are positions in the ranking, up to {MaxOffset} results deep; under a date `sort` a cursor names the last hit shown, as on the article list (so a hit published meanwhile neither repeats nor skips one, and such cursors go on past {MaxOffset} results), while numbered pages stay positions. " + ArticleView.PageBudgetRule)
            .Lists<ListResponse<SearchResult>>().Fields(ArticleView.SearchFieldNames, "SearchResultField", ArticleView.UnsentEmbedRule + ".")
            .WithMetadata(new ParameterDescriptionMetadata("q", ParameterDescriptionOperationFilter.SearchWords, Required: true))
            .WithMetadata(new ParameterDescriptionMetadata("page",
                $"1-based page number, for numbered navigation. Not with `cursor`. Search goes {MaxOffset} results deep, so the deepest page depends on `limit`: " +
                $"ceil({MaxOffset} / limit), such as {SearchPages.MaxPage(Paging.DefaultLimit)} at the default {Paging.DefaultLimit}, {SearchPages.MaxPage(Paging.MaxLimit)} at {Paging.MaxLimit} and {MaxOffset} at 1; a deeper one is a 400."))
            .WithMetadata(new ParameterDescriptionMetadata("sort",
                $"One of {string.Join(", ", SearchSort.Keys.Select(k => $"`{k}`"))}; default `{SearchSort.RelevanceKey}` (the ranking above). " +
                "`-publishedAt` sorts newest first, `publishedAt` oldest first, ties broken by id, as on the article list: with a read key, " +
                "drafts (which have no publishedAt) take their createdAt under `publishedAt`. Highlights are the same under every sort. " +
                "A cursor holds to the sort it was made under. Anything else is a 400 listing these.",
                Values: new("SearchSort", SearchSort.Keys)));
        return api;
    }

    public static async Task<IResult> SearchArticles(
        [AsParameters] SearchArticlesQuery query, HttpContext http, ArticleStore store, IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        var search = SearchQuery.Parse(query.Q);
        var privileged = ApiKeyScopes.CanSeeUnpublished(http);
        SearchSort.TryParse(query.Sort, privileged, out var sort);
        var limit = query.Limit ?? Paging.DefaultLimit;
        var offset = 0;
        Cursor? after = null;
        if (query.Page is { } page)
        {
            offset = (page - 1) * limit;
        }
        else if (TryReadCursor(query.Cursor, sort, out var position, out var last))
        {
            (offset, after) = (position, last);
        }
        // A hit shows its snippets, not its whole body: results pages rarely need bodies, and leaving them out keeps
        // a page of 20 hits small. fields=...,body brings the body back.
        var view = ArticleView.From(query.Include, query.Fields ?? DefaultFields, null);
        var filter = new ArticleFilter(privileged, null, query.Author, query.Tag, query.Language,
            query.PublishedAfter?.Value, query.PublishedBefore?.Value, Fts5Match.ToFts5Match(search),
            AuthorIds: ListParameterRules.Ids(query.AuthorId), TagIds: ListParameterRules.Ids(query.TagId),
            ImageIds: ListParameterRules.Ids(query.ImageId));
        var (items, total, more) = await store.SearchAsync(filter.FullTextMatch!, filter, sort, after, offset, Math.Min(limit, MaxOffset - offset), view.LoadEmbeds,
            view.PageBodyBytes(limits.Value.ListPageTextBytes), cancellationToken);
        var next = NextCursor(sort, items, offset, total, more);
        // Snippets cost a pass over each body: build them only when the response includes them (else none, never written).
        var wantsHighlights = view.Fields?.Contains("highlights") != false;
        var cost = RequestCost.Of(http);
        var shaped = items.Select(article => view.ShapeSearchResult(article, wantsHighlights ? Highlights(article, search, cost) : [])).ToList();
        return Representation.List(new ListResponse<object>(shaped, SearchPages.Info(limit, next, total)));
    }

    /// <summary>
    /// Under a date sort the next page starts after the last hit, as on the article list: a hit published or removed
    /// meanwhile neither repeats nor skips one (a position did, found by a probe); there is one while hits follow (a full
    /// last page reached by cursor had one, to an empty page: found by a fuzzer). By relevance it is a position.
    /// </summary>
    private static string? NextCursor(SearchSort sort, IReadOnlyList<ArticleAggregate> items, int offset, long total, bool more)
    {
        var nextOffset = offset + items.Count;
        if (sort.ByDate is { } byDate)
        {
            return more && items.Count > 0
                ? new Cursor(sort.Key, byDate.Field.ValueOf(items[^1].Row), items[^1].Row.Id).Encode()
                : null;
        }
        return nextOffset < Math.Min(total, MaxOffset) && items.Count > 0
            ? new Cursor(sort.Key, nextOffset.ToString(CultureInfo.InvariantCulture), 0).Encode()
            : null;
    }

    /// <summary>
    /// A relevance cursor is a position in the ranking (<paramref name="offset"/>); a date sort's names the last hit
    /// shown (<paramref name="after"/>), like the article list's.
    /// </summary>
    internal static bool TryReadCursor(string? text, SearchSort sort, out int offset, out Cursor? after)
    {
        offset = 0;
        after = null;
        if (text is null)
        {
            return false;
        }
        if (sort.ByDate is { } byDate)
        {
            var valid = Cursor.TryDecode(text, sort.Key, out var last) && byDate.Field.Accepts(last.Value);
            after = valid ? last : null;
            return valid;
        }
        return (Cursor.TryDecode(text, sort.Key, out var cursor) || Cursor.TryDecode(text, EarlierRelevanceCursor, out cursor)) &&
            int.TryParse(cursor.Value, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset < MaxOffset;
    }

    /// <summary>A hit's highlights, which parse the parts of its body that match (no cache holds them: a body worked, for <paramref name="cost"/>).</summary>
    private static List<SearchHighlight> Highlights(ArticleAggregate article, SearchQuery search, RequestCost cost)
    {
        cost.BodyWorked();
        var row = article.Row;
        var ownText = new (HighlightField Field, string? Snippet)[]
        {
            (HighlightField.Title, Snippets.Highlight(row.Title, search)),
            (HighlightField.Subtitle, row.Subtitle is null ? null : Snippets.Highlight(row.Subtitle, search)),
            // A derived excerpt is the start of the body, which the body snippet covers (but see below).
            (HighlightField.Excerpt, row.Excerpt is null ? null : Snippets.Build(row.Excerpt, search)),
            (HighlightField.Body, BodySnippets.Build(row.Body, search)),
        };
        var marked = Marked(ownText);
        if (marked.Count > 0)
        {
            return marked;
        }
        // A derived excerpt leaves headings and figures out, so a phrase can run across where one was: in the excerpt
        // the article is served with, and no longer in its body. Read as indexed, no Chinese run reads across a paragraph's
        // end (measured again only when the excerpt holds a match: it is the rare hit).
        if (row.Excerpt is null && Snippets.HasMatch(row.DerivedExcerpt, search)
            && Snippets.Build(MeasuredInTurn(row.Body).IndexedFormOf(row.DerivedExcerpt), search) is var derived
            && derived.Contains("<mark>", StringComparison.Ordinal))
        {
            return [new SearchHighlight(HighlightField.Excerpt, derived)];
        }
        // Matched only through what the article embeds (those the response leaves out, by include, are not loaded).
        var images = (article.Cover is { } cover ? article.Images.Prepend(cover) : article.Images).DistinctBy(i => i.Image.Id);
        marked = Marked(
        [
            (HighlightField.Authors, MatchingNames(article.Authors.Select(a => a.Name), search)),
            (HighlightField.Tags, MatchingNames(article.Tags.Select(t => t.Name), search)),
            // Two photos of one scene often share a caption and credit: the text is shown once. Either may run over lines.
            (HighlightField.Images, MatchingNames(images.Select(i => string.Join('\n', new[] { i.Image.Caption, i.Image.Credit }.OfType<string>())), search,
                Snippets.HighlightLinesApart)),
        ]);
        // Nothing shown holds the match: the start of the body, if it has text.
        var body = ownText[3].Snippet!;
        return marked.Count > 0 || body.Length == 0 ? marked : [new SearchHighlight(HighlightField.Body, body)];
    }

    /// <summary>The whole body parsed, a long one in a turn (<see cref="Rendering.HeavyMarkdownTurns"/>).</summary>
    private static ArticleTextStats MeasuredInTurn(string body)
    {
        using var turn = Rendering.HeavyMarkdownTurns.Shared.Take(body);
        return ArticleText.Measure(body);
    }

    private static List<SearchHighlight> Marked(IEnumerable<(HighlightField Field, string? Snippet)> candidates) =>
        [.. candidates.Where(c => c.Snippet?.Contains("<mark>", StringComparison.Ordinal) == true).Select(c => new SearchHighlight(c.Field, c.Snippet!))];

    /// <summary>
    /// The names (or image texts) that hold a match, each marked, separated by " · ", each as shown once (texts that differ only
    /// in line breaks, CRLF or LF, read alike); null when none does.
    /// </summary>
    private static string? MatchingNames(IEnumerable<string> names, SearchQuery search, Func<string, SearchQuery, string>? highlight = null)
    {
        highlight ??= Snippets.Highlight;
        var matching = names.Select(n => highlight(n, search)).Where(n => n.Contains("<mark>", StringComparison.Ordinal)).Distinct().ToList();
        return matching.Count == 0 ? null : string.Join(" · ", matching);
    }
}
