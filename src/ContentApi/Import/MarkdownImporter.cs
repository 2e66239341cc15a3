using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Data;
using ContentApi.Http;
using ContentApi.Images;
using ContentApi.Rendering;
using ContentApi.Tags;
using ContentApi.Text;
using Dapper;
using FluentValidation;

namespace ContentApi.Import;

/// <summary>
/// Imports one parsed Markdown file through the same stores and validator as the API: authors and tags are
/// found by name or created, images are found by URL or created, and the article is created or, when its
/// slug exists already, replaced (so importing a file again updates it instead of duplicating it).
/// </summary>
public sealed class MarkdownImporter(
    Db db, ArticleStore articles, AuthorStore authors, TagStore tags, ImageStore images,
    IValidator<ArticleRequest> validator, IValidator<ImageRequest> imageValidator, IValidator<AuthorRequest> authorValidator, IValidator<TagRequest> tagValidator)
{
    public async Task<IReadOnlyList<ImportProblem>> ImportFileAsync(string path, ImportSummary summary, CancellationToken cancellationToken)
    {
        summary.FilesRead++;
        var (text, unreadable) = await ImportFileText.ReadAsync(path, cancellationToken);
        if (text is null)
        {
            summary.Failed++;
            return [unreadable!];
        }
        ImportResult result;
        try
        {
            result = MarkdownImportParser.Parse(path, text);
        }
        catch (MarkdownTooComplexException exception)
        {
            summary.Failed++;
            return [new ImportProblem(path, 1, $"body: {exception.Message}")];
        }
        var problems = result.Problems.ToList();
        if (result.Document is not { } document)
        {
            summary.Failed++;
            return problems;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(path, document, summary, [.. problems], cancellationToken);
            }
            catch (DatabaseBusyException) when (attempt < BusyAttempts)
            {
                // Another process is writing (a seed, a long server write): every step finds before it creates, so
                // running the file again is safe.
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
    }

    private const int BusyAttempts = 5;

    private async Task<IReadOnlyList<ImportProblem>> SaveAsync(string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        ArticleRequest? request;
        try
        {
            request = await BuildRequestAsync(path, document, summary, problems, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            problems.Add(new ImportProblem(path, 1, exception.Message));
            request = null;
        }
        if (request is null)
        {
            summary.Failed++;
            return problems;
        }
        if (!summary.FileBySlug.TryAdd(request.Slug!, path) && summary.FileBySlug[request.Slug!] != path)
        {
            summary.Failed++;
            problems.Add(new ImportProblem(path, 1,
                $"Its slug '{request.Slug}' is also that of {summary.FileBySlug[request.Slug!]}, imported before it, whose article it would replace: give one of them a 'slug'."));
            return problems;
        }
        var existing = await articles.GetBySlugAsync(request.Slug!, includeUnpublished: true, cancellationToken);
        if (existing is not null && JsonSetup.SameJson(existing.ToRequest(), request))
        {
            // Importing a folder again leaves the articles it already holds as they are: no new version or ETag.
            summary.ArticlesUnchanged++;
            return problems;
        }
        var outcome = existing is null
            ? await articles.CreateAsync(request, cancellationToken)
            : await articles.ReplaceAsync(existing.Row.Id, request, WritePreconditions.Absent, cancellationToken);
        switch (outcome)
        {
            case WriteOutcome<ArticleAggregate>.Saved when existing is null:
                summary.ArticlesCreated++;
                break;
            case WriteOutcome<ArticleAggregate>.Saved:
                summary.ArticlesUpdated++;
                break;
            default:
                summary.Failed++;
                problems.Add(new ImportProblem(path, 1, $"The article was not saved: {Describe(outcome)}"));
                break;
        }
        return problems;
    }

    private async Task<ArticleRequest?> BuildRequestAsync(string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (document.AuthorNames.Count == 0)
        {
            problems.Add(new ImportProblem(path, 1, "No author: add 'authors' to the front matter or a byline such as '作者 | 名字' or 'By Name'."));
            return null;
        }
        var status = document.Status is { } given ? (given == "published" ? ArticleStatus.Published : ArticleStatus.Draft)
            : document.PublishedAt is not null ? ArticleStatus.Published : ArticleStatus.Draft;
        ArticleRequest Request(List<long> authorIds, List<long> tagIds, List<long> imageIds, long? coverId) => new(
            document.Title, document.BodyWith(imageIds), document.Language ?? GuessLanguage(document.BodyTemplate), authorIds, status,
            document.Slug ?? Slugs.FromText(document.Title, "article"), document.Subtitle, document.Excerpt,
            status == ArticleStatus.Published ? document.PublishedAt : null, tagIds, coverId, imageIds.Distinct().ToList(), document.CanonicalUrl);

        // Judged before anything is created, with stand-in ids (the rules do not look at them), so that a file that
        // fails leaves no authors, tags or images behind.
        static List<long> StandIns(int count) => [.. Enumerable.Range(1, count).Select(i => (long)i)];
        var standIn = Request(
            StandIns(document.AuthorNames.Distinct().Count()), StandIns(document.TagNames.Distinct().Count()),
            StandIns(document.Images.Count), document.CoverImage is null ? null : 1);
        var validation = await validator.ValidateAsync(standIn, cancellationToken);
        foreach (var error in validation.Errors)
        {
            problems.Add(new ImportProblem(path, 1, $"{Http.ValidationFilter.ToJsonPath(error.PropertyName)}: {error.ErrorMessage}"));
        }
        // What the store refuses of a new article's body (too complex to store, references to no image), and names
        // the API would refuse: all judged here too, before the authors, tags and images below are created. A file
        // that updates an article is left to the store, which keeps a body stored before today's rules as it is.
        if (validation.IsValid && await articles.GetBySlugAsync(standIn.Slug!, includeUnpublished: true, cancellationToken) is null &&
            ArticleStore.BodyProblem(standIn.Body) is { } bodyProblem)
        {
            problems.Add(new ImportProblem(path, 1, $"body: {bodyProblem}"));
        }
        var names = document.AuthorNames.Distinct().Select(name => ("author", name, authorValidator.Validate(new AuthorRequest(name))))
            .Concat(document.TagNames.Distinct().Select(name => ("tag", name, tagValidator.Validate(new TagRequest(name)))));
        foreach (var (what, name, result) in names)
        {
            foreach (var error in result.Errors)
            {
                problems.Add(new ImportProblem(path, 1, $"The {what} name '{name}': {error.ErrorMessage}"));
            }
        }
        var newImages = document.Images.Where(i => i.ExistingImageId is null).Select(i => (Request: ImageRequestOf(i), i.Line))
            .Concat(document.CoverImage is { ExistingImageId: null } cover ? [(ImageRequestOf(cover), document.CoverLine)] : []);
        foreach (var (image, line) in newImages)
        {
            if (await imageValidator.ValidateAsync(image, cancellationToken) is { IsValid: false } invalid)
            {
                problems.Add(new ImportProblem(path, line, ImageProblem(image, invalid)));
            }
        }
        // Only once the file is otherwise valid: it then names at most the 500 images an article may have.
        if (problems.Any(p => p.Severity == ImportSeverity.Error) || await AddMissingImagesAsync(path, document, problems, cancellationToken) > 0)
        {
            return null;
        }

        var authorIds = new List<long>();
        foreach (var name in document.AuthorNames.Distinct())
        {
            authorIds.Add(await FindOrCreateAsync("authors", name, () => authors.CreateAsync(new AuthorRequest(name), cancellationToken), r => r.Id, () => summary.AuthorsCreated++, cancellationToken));
        }
        var tagIds = new List<long>();
        foreach (var name in document.TagNames.Distinct())
        {
            tagIds.Add(await FindOrCreateAsync("tags", name, () => tags.CreateAsync(new TagRequest(name), cancellationToken), r => r.Id, () => summary.TagsCreated++, cancellationToken));
        }
        var imageIds = new List<long>();
        foreach (var image in document.Images)
        {
            imageIds.Add(image.ExistingImageId ?? await UpsertImageAsync(ImageRequestOf(image), summary, cancellationToken));
        }
        long? coverId = document.CoverImage is { } coverImage
            ? coverImage.ExistingImageId ?? await UpsertImageAsync(ImageRequestOf(coverImage), summary, cancellationToken)
            : null;
        return Request(authorIds, tagIds, imageIds, coverId);
    }

    /// <summary>Reports each <c>image:ID</c> (an exported article's) whose image is not in this database, at its line; returns how many.</summary>
    private async Task<int> AddMissingImagesAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var referenced = document.Images.Where(i => i.ExistingImageId is not null).Select(i => (Id: i.ExistingImageId!.Value, i.Url, i.Line))
            .Concat(document.CoverImage is { ExistingImageId: { } coverId } cover ? [(coverId, cover.Url, document.CoverLine)] : [])
            .ToList();
        if (referenced.Count == 0)
        {
            return 0;
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        var stored = (await ImageStore.GetManyAsync(connection, null, [.. referenced.Select(r => r.Id)], cancellationToken)).Select(i => i.Id).ToHashSet();
        var missing = referenced.Where(r => !stored.Contains(r.Id)).ToList();
        foreach (var (_, url, line) in missing)
        {
            problems.Add(new ImportProblem(path, line, $"Image {url} does not exist in this database: import the export it came from whole, or link the image's URL."));
        }
        return missing.Count;
    }

    private async Task<long> FindOrCreateAsync<TRow>(string table, string name, Func<Task<WriteOutcome<TRow>>> create, Func<TRow, long> idOf, Action created, CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            // The table name is one of two constants passed by this class.
            if (await connection.ExecuteScalarAsync<long?>($"SELECT id FROM {table} WHERE name = @Name ORDER BY id LIMIT 1", new { Name = name }) is { } id)
            {
                return id;
            }
        }
        var outcome = await create();
        if (outcome is not WriteOutcome<TRow>.Saved saved)
        {
            throw new InvalidDataException($"Could not create {table[..^1]} '{name}': {Describe(outcome)}");
        }
        created();
        return idOf(saved.Row);
    }

    private static ImageRequest ImageRequestOf(ImportImage image) => new(image.Url, image.AltText, image.Caption, image.Credit);

    private static ImageRequest ImageRequestOf(CoverImageRef cover) => new(cover.Url, cover.AltText ?? "");

    private static string ImageProblem(ImageRequest image, FluentValidation.Results.ValidationResult invalid) =>
        $"Image {image.Url}: " + string.Join(" ", invalid.Errors.Select(e => $"{Http.ValidationFilter.ToJsonPath(e.PropertyName)}: {e.ErrorMessage}"));

    /// <summary>Finds the image by URL or creates it; <paramref name="request"/> has passed the image validator already.</summary>
    private async Task<long> UpsertImageAsync(ImageRequest request, ImportSummary summary, CancellationToken cancellationToken)
    {
        long? existing;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            existing = await connection.ExecuteScalarAsync<long?>("SELECT id FROM images WHERE url = @Url ORDER BY id LIMIT 1", new { request.Url });
        }
        if (existing is { } id)
        {
            var current = await images.GetAsync(id, cancellationToken);
            if (current is not null && (current.Caption != request.Caption || current.Credit != request.Credit || current.AltText != request.AltText))
            {
                await images.ReplaceAsync(id, current.ToRequest() with { Caption = request.Caption, Credit = request.Credit, AltText = request.AltText }, WritePreconditions.Absent, cancellationToken);
            }
            return id;
        }
        var outcome = await images.CreateAsync(request, cancellationToken);
        if (outcome is not WriteOutcome<ImageRow>.Saved saved)
        {
            throw new InvalidDataException($"Could not create the image {request.Url}: {Describe(outcome)}");
        }
        summary.ImagesCreated++;
        return saved.Row.Id;
    }

    /// <summary>Han characters make it Chinese (zh), anything else English, when the file does not say.</summary>
    private static string GuessLanguage(string text) =>
        text.EnumerateRunes().Any(r => r.Value is >= 0x4E00 and <= 0x9FFF) ? "zh" : "en";

    private static string Describe<TRow>(WriteOutcome<TRow> outcome) => outcome switch
    {
        WriteOutcome<TRow>.Conflict conflict => conflict.Detail,
        WriteOutcome<TRow>.Invalid invalid => string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => outcome.GetType().Name,
    };
}
