using ContentApi.Http.Writes;
using ContentApi.Text;
using ContentApi.Search;

namespace ContentApi.Articles;

/// <summary>
/// The text work of a write (measuring the body, analysing the text search indexes), done before the write queues.
/// </summary>
public sealed partial class ArticleStore
{
    /// <summary>
    /// The CPU-heavy text work of a write, done before it queues for the single writer slot (a replace that keeps a
    /// derived excerpt analyses the excerpt again in the writer, which is cheap: see <see cref="KeepingDerivedExcerpt"/>).
    /// </summary>
    private sealed record PreparedText(ArticleTextStats Stats, AnalyzedArticleText Analyzed);

    private static PreparedText PrepareText(ArticleRequest request) => PrepareText(request, ArticleText.Measure(request.Body));

    private static PreparedText PrepareText(ArticleRequest request, ArticleTextStats stats) =>
        new(stats, AnalyzedArticleText.Of(request.Title, request.Subtitle, request.Excerpt ?? stats.IndexedDerivedExcerpt, stats.PlainText));

    /// <summary>
    /// The text work of a write and the HTML check of a body that places no image (which renders it, when near the
    /// bound), in a turn for long bodies (<see cref="Rendering.HeavyMarkdownTurns"/>). A body that is not too complex
    /// passes it with or without refusal: what it says in <see cref="BodyRefusal"/> is asked first. The wait holds no
    /// thread, and ends when the client goes.
    /// </summary>
    private static async Task<(PreparedText Text, WriteOutcome<ArticleAggregate>.Invalid? TooLargeWithoutImages)> PrepareTextInTurnAsync(
        ArticleRequest request, CancellationToken cancellationToken)
    {
        using var turn = await Rendering.HeavyMarkdownTurns.Shared.TakeAsync(request.Body, cancellationToken);
        var text = PrepareText(request);
        return (text, BodyRefusal(text.Stats) is null ? HtmlRefusalWithoutImages(text.Stats) : null);
    }

    /// <summary>
    /// A client that read an article and sends it back (GET, then PUT) restates its derived excerpt as if it were its
    /// own; taken at its word, the excerpt would stop following the body. An excerpt equal to the derived one the
    /// article shows therefore stays derived.
    /// </summary>
    private static (ArticleRequest Request, PreparedText Text) KeepingDerivedExcerpt(ArticleRequest request, PreparedText text, ArticleRow current)
    {
        if (!current.RestatesDerivedExcerpt(request.Excerpt))
        {
            return (request, text);
        }
        var derived = request with { Excerpt = null };
        return (derived, text.Stats.IndexedDerivedExcerpt == request.Excerpt ? text : PrepareText(derived, text.Stats));
    }
}
