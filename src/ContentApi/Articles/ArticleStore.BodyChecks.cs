using System.Data.Common;
using ContentApi.Http.Writes;
using ContentApi.Text;
using ContentApi.Images;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// What a body must be to be stored: simple enough to render, its image references well formed and naming only images
/// the article lists or has as its cover, and its HTML within the bound.
/// </summary>
public sealed partial class ArticleStore
{
    /// <summary>
    /// A body places images by id, and only the article's own (its imageIds and cover): those are the ones a read
    /// embeds and renders, and deleting one is refused while the article uses it. Any other would vanish from the HTML.
    /// </summary>
    private static List<long> UnlistedPlacedImages(ArticleRequest request, ArticleTextStats stats) =>
        UnlistedImages.Of(stats.PlacedImageIds, request.CoverImageId, request.ImageIds);

    /// <summary>
    /// The images a replace would leave placed but unlisted. A body stored before the rule (or imported) may keep
    /// placing images it never listed while other fields change; only those the article showed until now count.
    /// </summary>
    private static async Task<List<long>> NewlyUnlistedPlacedImagesAsync(
        DbConnection connection, DbTransaction transaction, ArticleRequest request, ArticleTextStats stats, ArticleRow current, CancellationToken cancellationToken)
    {
        var unlisted = UnlistedPlacedImages(request, stats);
        if (unlisted.Count == 0 || request.Body != current.Body)
        {
            return unlisted;
        }
        var shown = (await connection.QueryAsync<long>(new CommandDefinition(
            ArticleQueries.ImageIdsOfArticle, new { Id = current.Id }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        return [.. unlisted.Where(id => shown.Contains(id) || id == current.CoverImageId)];
    }

    /// <summary>
    /// What a body placing images neither listed nor the cover is told (<see cref="UnlistedImages.MessagesAsync"/>), telling
    /// apart those that do not exist at all. Asked only of a body that places unlisted images.
    /// </summary>
    private static async Task<WriteOutcome<ArticleAggregate>.Invalid> PlacesUnlistedImagesAsync(
        DbConnection connection, DbTransaction? transaction, List<long> unlisted, CancellationToken cancellationToken) =>
        new(new Dictionary<string, string[]> { ["body"] = await UnlistedImages.MessagesAsync(connection, transaction, unlisted, cancellationToken) });

    /// <summary>
    /// A replace or patch that leaves the body as stored but drops images it places from imageIds or the cover: told
    /// where the editor acted (the image picker), not under a body they did not change.
    /// </summary>
    private static WriteOutcome<ArticleAggregate>.Invalid StillPlacesUnlistedImages(List<long> unlisted) => new(new Dictionary<string, string[]>
    {
        ["imageIds"] = [$"The body still places images that would be neither in imageIds nor the coverImageId: {string.Join(", ", unlisted.Select(ImageReferences.For))}. Remove them from the body first, or keep them in imageIds."],
    });

    /// <summary>
    /// Why a create or replace would refuse this request's body (the importer asks before it creates what the article
    /// needs): one too complex or placing no image, or one placing images neither listed nor the cover, which the
    /// importer asks the database about only then (<see cref="UnlistedImages.MessagesAsync"/>). A body that restates the
    /// stored one (<paramref name="stored"/>) is kept as it is, but for the images it placed that the article listed or had
    /// as its cover until now.
    /// </summary>
    public static BodyProblem BodyProblemOf(ArticleRequest request, ArticleAggregate? stored)
    {
        var restated = request.Body == stored?.Row.Body;
        bool Kept(long id) => id == request.CoverImageId || request.ImageIds?.Contains(id) == true;
        if (restated && stored!.Images.All(image => Kept(image.Image.Id)) && (stored.Row.CoverImageId is not { } cover || Kept(cover)))
        {
            return BodyProblem.None; // every image it showed is still listed or the cover: no need to parse it (an import of a whole export restates thousands)
        }
        var stats = ArticleText.Measure(request.Body);
        // Without its images, which the import may create after asking: what they add is judged when it is stored.
        if (!restated && (BodyRefusal(stats) ?? HtmlRefusal(stats, NoImages)) is { } refusal)
        {
            return new(refusal.Errors["body"][0], []);
        }
        var unlisted = UnlistedPlacedImages(request, stats);
        if (restated)
        {
            unlisted = [.. unlisted.Where(id => id == stored!.Row.CoverImageId || stored.Images.Any(image => image.Image.Id == id))];
        }
        return new(null, unlisted);
    }

    /// <summary>Why a new body cannot be stored as it is: Markdown too complex, or image references that name no image.</summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? BodyRefusal(ArticleTextStats stats) =>
        stats.TooComplex is { } reason ? new(new Dictionary<string, string[]> { ["body"] = [reason] })
        : stats.MalformedImageReferences is { Count: > 0 } malformed ? new(new Dictionary<string, string[]>
        {
            ["body"] = [$"Places images by references that name no image: {string.Join(", ", malformed.Take(10).Select(url => url.Length > 60 ? url[..60] + "…" : url))}. Write image:ID, the id of an image in imageIds or the coverImageId."],
        })
        : null;

    /// <summary>
    /// The HTML check of a body that places no image, which its images cannot change: judged before the write queues, so
    /// that a body that must be rendered to tell (rare, near the bound) is not rendered while every other write waits.
    /// </summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusalWithoutImages(ArticleTextStats stats) =>
        stats.PlacedImageIds.Count == 0 ? HtmlRefusal(stats, NoImages) : null;

    /// <summary>The HTML check of a body that places images, with them as stored: in the write, which has loaded them.</summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusalWithImages(ArticleTextStats stats, ArticleReferences references) =>
        stats.PlacedImageIds.Count > 0 ? HtmlRefusal(stats, InlineImages.Of(references.Images.Values)) : null;

    /// <summary>
    /// Why a new body cannot be stored with <paramref name="images"/>, those it places as a read renders them: it would
    /// render to more HTML than allowed, so every reader would get its source.
    /// </summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusal(ArticleTextStats stats, IReadOnlyDictionary<long, Rendering.InlineImage> images) =>
        stats.Html?.RendersPastBound(images) == true
            ? new(new Dictionary<string, string[]> { ["body"] = [Rendering.MarkdownRenderer.HtmlTooLargeExplanation] })
            : null;

    private static readonly Dictionary<long, Rendering.InlineImage> NoImages = [];
}
