using System.Data.Common;
using System.Globalization;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Rendering;
using Dapper;

namespace ContentApi.Images;

/// <summary>
/// An edit of an image that the articles placing it would show as their escaped source: each place a body shows the
/// image writes its URL, alt text, caption and credit, so longer ones can push an article stored within the HTML bound
/// (<see cref="MarkdownRenderer.MaxHtmlCharacters"/>) past it, as a body's own edit is refused for (README: an image's
/// edit is judged against the articles placing it).
/// </summary>
internal static class PlacingArticlesHtml
{
    /// <summary>
    /// The articles that list the image (cover or imageIds) and whose body may place it: an image at all ("![") and its id's
    /// digits, which a placement writes as they are (image:ID, leading zeros allowed) or as character references ('&amp;').
    /// </summary>
    private static readonly string PlacingFilter =
        $"{SqliteDialect.Contains("a.body", "'!['")} AND ({SqliteDialect.Contains("a.body", "@Digits")} OR {SqliteDialect.Contains("a.body", "'&'")})";

    private static readonly string ListingArticlesSql = $"""
        SELECT a.id AS Id, a.body AS Body FROM articles a
        WHERE a.id IN (SELECT c.id FROM articles c WHERE c.cover_image_id = @Id UNION SELECT x.article_id FROM article_images x WHERE x.image_id = @Id)
          AND {PlacingFilter}
        ORDER BY a.id
        """;

    private static readonly string PlacingArticlesOfIdsSql = $"SELECT a.id AS Id, a.body AS Body FROM articles a WHERE a.id IN @Ids AND {PlacingFilter} ORDER BY a.id";

    /// <summary>Each article listing image @Id with its version, beside each image it lists (cover or imageIds) with that image's version; reads no body.</summary>
    private const string ListingStateSql = """
        WITH listing AS MATERIALIZED (
            SELECT c.id, c.version, c.cover_image_id FROM articles c WHERE c.cover_image_id = @Id
            UNION SELECT a.id, a.version, a.cover_image_id FROM article_images x JOIN articles a ON a.id = x.article_id WHERE x.image_id = @Id)
        SELECT l.id AS ArticleId, l.version AS ArticleVersion, i.id AS ImageId, i.version AS ImageVersion
        FROM listing l JOIN article_images x ON x.article_id = l.id JOIN images i ON i.id = x.image_id
        UNION ALL
        SELECT l.id, l.version, i.id, i.version FROM listing l JOIN images i ON i.id = l.cover_image_id
        """;

    private const string ImagesOfArticlesSql = """
        SELECT article_id AS ArticleId, image_id AS ImageId FROM article_images WHERE article_id IN @Ids
        UNION SELECT id, cover_image_id FROM articles WHERE id IN @Ids AND cover_image_id IS NOT NULL
        """;

    private sealed record ListingArticle(long Id, string Body);

    private sealed record ListedImage(long ArticleId, long ArticleVersion, long ImageId, long ImageVersion);

    private sealed record ArticleImage(long ArticleId, long ImageId);

    /// <summary>
    /// Judges the edit on a read snapshot, before it queues for the writer, so that parsing the articles listing the
    /// image (a second for a logo listed by thousands) holds no other write up; null when the image is missing, the
    /// edit's preconditions refuse it (a stale If-Match) or it writes no more per placement (the write then judges it
    /// itself, should the image have changed meanwhile, and so answers a refusal without parsing any article).
    /// </summary>
    public static async Task<PlacingArticlesJudgement?> JudgeOnSnapshotAsync(
        Data.Db db, long id, ImageRequest request, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        if (await ImageStore.GetManyAsync(connection, null, [id], cancellationToken) is not [var current]
            || preconditions.Refuse(current, out _)
            || !WritesMoreThan(Edited(current, request), InlineImages.Of(current)))
        {
            return null;
        }
        var listing = await ListingAsync(connection, null, id, cancellationToken);
        var articles = await connection.QueryAsync<ListingArticle>(new CommandDefinition(ListingArticlesSql, new { Id = id, Digits = IdDigits(id) }, cancellationToken: cancellationToken));
        var broken = await BrokenAsync(connection, null, articles, current, request, cancellationToken);
        return new PlacingArticlesJudgement(current.Version, listing, broken.ToHashSet());
    }

    /// <summary>
    /// Each article listing image <paramref name="id"/> with what its rendered HTML depends on besides the edit: its
    /// version (its body changes it) and the ids and versions of the images it lists, in one read.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<long, string>> ListingAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ListedImage>(new CommandDefinition(ListingStateSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(row => row.ArticleId).ToDictionary(
            article => article.Key,
            article => $"{article.First().ArticleVersion}:" + string.Join(",", article.Select(row => (row.ImageId, row.ImageVersion)).Distinct().Order()));
    }

    /// <summary>
    /// The 400 an edit of <paramref name="current"/> to <paramref name="request"/> gets, or null when every article placing
    /// it stays within the bound. With a <paramref name="judged"/> of the same image version, only the articles whose
    /// state changed since are parsed here; else every one is.
    /// </summary>
    public static async Task<WriteOutcome<ImageRow>.Invalid?> RefusalAsync(
        DbConnection connection, DbTransaction transaction, ImageRow current, ImageRequest request, PlacingArticlesJudgement? judged, CancellationToken cancellationToken)
    {
        var edited = Edited(current, request);
        var before = InlineImages.Of(current);
        if (!WritesMoreThan(edited, before))
        {
            return null;
        }
        List<long> broken;
        if (judged is not null && judged.ImageVersion == current.Version)
        {
            var now = await ListingAsync(connection, transaction, current.Id, cancellationToken);
            broken = [.. judged.StillBroken(now)];
            if (judged.ToJudgeAgain(now) is { Count: > 0 } changed)
            {
                var articles = new List<ListingArticle>();
                foreach (var chunk in changed.Chunk(Search.SearchIndex.ChunkSize))
                {
                    articles.AddRange(await connection.QueryAsync<ListingArticle>(new CommandDefinition(
                        PlacingArticlesOfIdsSql, new { Ids = chunk, Digits = IdDigits(current.Id) }, transaction, cancellationToken: cancellationToken)));
                }
                broken.AddRange(await BrokenAsync(connection, transaction, articles, current, request, cancellationToken));
                broken.Sort();
            }
        }
        else
        {
            var articles = await connection.QueryAsync<ListingArticle>(new CommandDefinition(
                ListingArticlesSql, new { current.Id, Digits = IdDigits(current.Id) }, transaction, cancellationToken: cancellationToken));
            broken = await BrokenAsync(connection, transaction, articles, current, request, cancellationToken);
        }
        if (broken.Count == 0)
        {
            return null;
        }
        var message = $"Would make the body of article {string.Join(", ", broken.Take(10).Select(id => id.ToString(CultureInfo.InvariantCulture)))}"
            + (broken.Count > 10 ? $" (and {broken.Count - 10} more)" : "")
            + " render to more HTML than allowed (a million characters plus twice the body's length), so that readers would get its "
            + "Markdown source: each place a body shows this image writes its URL, alt text, caption and credit, escaped (a \" is six "
            + "characters). Shorten them, or place the image fewer times in that article first.";
        var fields = new (string Name, bool Changed)[]
        {
            ("url", edited.Url != before.Url), ("altText", edited.AltText != before.AltText), ("caption", edited.Caption != before.Caption),
            ("credit", edited.Credit != before.Credit), ("width", edited.Width != before.Width), ("height", edited.Height != before.Height),
        };
        return new(fields.Where(f => f.Changed).ToDictionary(f => f.Name, _ => new[] { message }));
    }

    /// <summary>The articles of <paramref name="articles"/> that the edit would push past the bound, each parsed once, with the images it lists as they are on <paramref name="connection"/>.</summary>
    private static async Task<List<long>> BrokenAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<ListingArticle> articles, ImageRow current, ImageRequest request, CancellationToken cancellationToken)
    {
        var edited = Edited(current, request);
        var before = InlineImages.Of(current);
        var placing = articles.AsList();
        var (imagesOf, listed) = await ImagesOfAsync(connection, transaction, placing, cancellationToken);
        var broken = new List<long>();
        foreach (var article in placing)
        {
            // On the snapshot, a long body is parsed in a turn as a write's is; in the write's transaction it is the single writer's, one at a time already.
            using var turn = transaction is null ? await HeavyMarkdownTurns.Shared.TakeAsync(article.Body, cancellationToken) : default;
            if (RenderedHtmlCheck.OfStored(article.Body) is not { } check)
            {
                continue; // too complex to parse: its source stands in for its HTML whatever the image says
            }
            var images = imagesOf[article.Id].Where(listed.ContainsKey).ToDictionary(id => id, id => listed[id]);
            images[current.Id] = edited;
            // Most are decided by the estimate alone; one rendering past the bound already, whatever this edit does, is no reason to refuse it.
            if (!check.EstimatedWithin(images) && check.RendersPastBound(images) && !check.RendersPastBound(images.SetItem(current.Id, before)))
            {
                broken.Add(article.Id);
            }
        }
        return broken;
    }

    /// <summary>The ids of the images each article lists (cover or imageIds), and those images as they are on <paramref name="connection"/>: a few reads however many articles.</summary>
    private static async Task<(ILookup<long, long> ImagesOf, Dictionary<long, InlineImage> Listed)> ImagesOfAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<ListingArticle> articles, CancellationToken cancellationToken)
    {
        var pairs = new List<ArticleImage>();
        foreach (var chunk in articles.Select(article => article.Id).Chunk(Search.SearchIndex.ChunkSize))
        {
            pairs.AddRange(await connection.QueryAsync<ArticleImage>(new CommandDefinition(ImagesOfArticlesSql, new { Ids = chunk }, transaction, cancellationToken: cancellationToken)));
        }
        var listed = new Dictionary<long, InlineImage>();
        foreach (var chunk in pairs.Select(pair => pair.ImageId).Distinct().Chunk(Search.SearchIndex.ChunkSize))
        {
            foreach (var (id, image) in InlineImages.Of(await ImageStore.GetManyAsync(connection, transaction, chunk, cancellationToken)))
            {
                listed[id] = image;
            }
        }
        return (pairs.ToLookup(pair => pair.ArticleId, pair => pair.ImageId), listed);
    }

    private static InlineImage Edited(ImageRow current, ImageRequest request) =>
        new(current.Id, request.Url, request.AltText, request.Caption, request.Credit, request.Width, request.Height);

    private static string IdDigits(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a placement of <paramref name="edited"/> may write more HTML than one of <paramref name="before"/>. Whether
    /// a caption or credit is written at all depends on its text (a paragraph under the figure saying it stands in for the
    /// caption; a line saying the image's credit is taken as it), so any change of either may; the URL and alt text are
    /// written whenever the image is, so only a longer one escaped may, as may wider numbers. An edit that may not cannot
    /// push an article past the bound, so no article is parsed for it.
    /// </summary>
    internal static bool WritesMoreThan(InlineImage edited, InlineImage before) =>
        edited.Caption != before.Caption || edited.Credit != before.Credit
        || RenderedHtmlEstimate.EscapedLength(edited.Url) > RenderedHtmlEstimate.EscapedLength(before.Url)
        || RenderedHtmlEstimate.Escaped(edited.AltText) > RenderedHtmlEstimate.Escaped(before.AltText)
        || Digits(edited.Width) > Digits(before.Width) || Digits(edited.Height) > Digits(before.Height);

    private static int Digits(int? number) => number?.ToString(CultureInfo.InvariantCulture).Length ?? 0;

    private static Dictionary<long, InlineImage> SetItem(this Dictionary<long, InlineImage> images, long id, InlineImage image) =>
        new(images) { [id] = image };
}
