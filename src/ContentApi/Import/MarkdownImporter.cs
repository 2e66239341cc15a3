using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Data;
using ContentApi.Http.Json;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.Tags;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Import;

/// <summary>
/// Imports one parsed Markdown file through the same stores and validator as the API: authors and tags are found by
/// slug (an entry that gives one) or name, or created, images are found by URL or created, and the article is created
/// or, when the slug the file gives exists already, replaced (so importing a file again updates it instead of
/// duplicating it). A slug derived from the title never replaces an article: the file must restate it or give a slug.
/// </summary>
public sealed partial class MarkdownImporter(
    Db db, ArticleStore articles, AuthorStore authors, TagStore tags, ImageStore images,
    IValidator<ArticleRequest> validator, IValidator<ImageRequest> imageValidator, IValidator<AuthorRequest> authorValidator, IValidator<TagRequest> tagValidator)
{
    public async Task<IReadOnlyList<ImportProblem>> ImportFileAsync(string path, ImportSummary summary, ImportOptions options, CancellationToken cancellationToken)
    {
        summary.FilesRead++;
        var (text, unreadable) = await ImportFileText.ReadAsync(path, cancellationToken);
        if (text is null)
        {
            summary.Failed++;
            return [unreadable!];
        }
        var (profiles, profileProblems) = options.Profiles is { } files ? await files.ForAsync(path, cancellationToken) : (SiteProfiles.None, []);
        var (parseOptions, zoneProblem) = options.For(path, profiles);
        var result = MarkdownImportParser.Parse(path, text, parseOptions);
        var problems = profileProblems.Concat(zoneProblem is null ? [] : [zoneProblem]).Concat(result.Problems).ToList();
        if (MarkdownFiles.IsMdx(path))
        {
            // Given by itself: a folder's are left out (MarkdownFiles).
            problems.Add(new ImportProblem(path, 1, $"An MDX file, read as Markdown: its {MarkdownFiles.MdxJsx} is text readers would see.", ImportSeverity.Warning));
        }
        if (result.Document is not { } document)
        {
            summary.Failed++;
            return problems;
        }
        for (int attempt = 1, changed = 0; ; attempt++)
        {
            try
            {
                return await SaveAsync(path, document, summary, [.. problems], changed + 1 < PatchHandler.MaxAttempts, cancellationToken);
            }
            catch (DatabaseBusyException) when (attempt < BusyRetry.Attempts)
            {
                // Another process is writing (a seed, a long server write): every step finds before it creates, so
                // running the file again is safe.
                await BusyRetry.PauseAsync(attempt, cancellationToken);
            }
            catch (ArticleChangedException)
            {
                // A server beside the import changed the article after it was read: the file is merged again onto
                // what is stored now, as a merge patch is.
                attempt--;
                changed++;
            }
        }
    }

    /// <summary>
    /// What a file asks for, with the stored article of its slug (null for a new one) and, when its slug was an earlier
    /// URL an import gave another article, that article's slug now.
    /// </summary>
    private sealed record PlannedWrite(ArticleRequest Request, ArticleAggregate? Existing, string? ImportedAliasOf);

    /// <summary>The article the file updates changed between its read and the import's replace of it.</summary>
    private sealed class ArticleChangedException : Exception;

    /// <param name="againIfChanged">
    /// Throw <see cref="ArticleChangedException"/> when the article changed after it was read: the request keeps some of
    /// what was read (a publication date the file does not give), so it replaces only the version read.
    /// </param>
    private async Task<IReadOnlyList<ImportProblem>> SaveAsync(
        string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, bool againIfChanged, CancellationToken cancellationToken)
    {
        PlannedWrite? planned;
        try
        {
            planned = await BuildRequestAsync(path, document, summary, problems, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            problems.Add(new ImportProblem(path, 1, exception.Message));
            planned = null;
        }
        if (planned is not var (request, existing, aliasOf))
        {
            summary.Failed++;
            return problems;
        }
        if (existing is not null && JsonSetup.SameJson(existing.ToRequest(), request))
        {
            // Importing a folder again leaves the articles it already holds as they are: no new version or ETag.
            summary.ArticlesUnchanged++;
            await KeepEarlierSlugsAsync(path, document, existing.Row.Id, summary, problems, cancellationToken);
            return problems;
        }
        var outcome = existing is null
            ? await articles.CreateAsync(request, cancellationToken)
            : await articles.ReplaceAsync(existing.Row.Id, request, WritePreconditions.Absent.PinnedTo(existing.Row.Version), cancellationToken);
        if (outcome is WriteOutcome<ArticleAggregate>.Stale && againIfChanged)
        {
            throw new ArticleChangedException();
        }
        switch (outcome)
        {
            case WriteOutcome<ArticleAggregate>.Saved saved:
                if (existing is null)
                {
                    summary.ArticlesCreated++;
                }
                else
                {
                    summary.ArticlesUpdated++;
                }
                if (document is { Status: null, PublishedAt: null })
                {
                    summary.UndatedDrafts++;
                }
                if (aliasOf is not null)
                {
                    problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("slug", 1),
                        $"The slug '{request.Slug}' was an earlier URL an import gave the article that has '{aliasOf}': this file's article takes it over, so that URL leads to it from now on.", ImportSeverity.Warning));
                    summary.EarlierSlugsKept.Remove(Slugs.ForLookup(request.Slug!));
                }
                await KeepEarlierSlugsAsync(path, document, saved.Row.Row.Id, summary, problems, cancellationToken);
                break;
            default:
                summary.Failed++;
                problems.Add(new ImportProblem(path, 1, $"The article was not saved: {Describe(outcome)}"));
                break;
        }
        return problems;
    }

    private async Task KeepEarlierSlugsAsync(
        string path, ImportDocument document, long articleId, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (await EarlierSlugsImport.KeepAsync(db, articleId, document.EarlierSlugs, cancellationToken) is not var (kept, others))
        {
            problems.Add(new ImportProblem(path, document.EarlierSlugs[0].Line,
                "The database stayed busy, so the article is saved but its earlier URLs are not: import the file again.", ImportSeverity.Warning));
            return;
        }
        summary.EarlierSlugsKept.UnionWith(kept.Select(earlier => Slugs.ForLookup(earlier.Slug)));
        foreach (var earlier in others)
        {
            problems.Add(new ImportProblem(path, earlier.Line,
                $"The earlier URL with slug '{earlier.Slug}' keeps leading to the article that has it as its slug or an earlier one, not to this file's.", ImportSeverity.Warning));
        }
    }

    private static string Describe<TRow>(WriteOutcome<TRow> outcome) => outcome switch
    {
        WriteOutcome<TRow>.Conflict conflict => conflict.Detail,
        WriteOutcome<TRow>.Invalid invalid => string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => outcome.GetType().Name,
    };
}
