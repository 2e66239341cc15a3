using System.Data.Common;
using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Data;
using ContentApi.Http.Json;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.Rendering;
using ContentApi.Tags;
using ContentApi.Text;
using Dapper;
using FluentValidation;

namespace ContentApi.Import;

/// <summary>
/// Imports one parsed Markdown file through the same stores and validator as the API: authors and tags are found by
/// slug (an entry that gives one) or name, or created, images are found by URL or created, and the article is created
/// or, when the slug the file gives exists already, replaced (so importing a file again updates it instead of
/// duplicating it). A slug derived from the title never replaces an article: the file must restate it or give a slug.
/// </summary>
public sealed class MarkdownImporter(
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
        var (profiles, profileProblems) = options.Profiles?.For(path) ?? (SiteProfiles.None, []);
        var result = MarkdownImportParser.Parse(path, text, options.For(path, profiles));
        var problems = profileProblems.Concat(result.Problems).ToList();
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

    /// <summary>
    /// The slug a file without one names its article by: its title's; or, when no article has that and one has the slug
    /// builds before derived from the title ("c-入門" for "C# 入門", now "csharp-入門"), that one, so that importing a
    /// folder again after an upgrade finds its articles instead of making them twice.
    /// </summary>
    private async Task<string> DerivedSlugAsync(string title, CancellationToken cancellationToken)
    {
        var slug = Slugs.FromText(title, "article");
        var earlier = Slugs.FromText(title, "article", asEarlierBuilds: true);
        if (earlier == slug || await IsTakenAsync(slug) || !await IsTakenAsync(earlier))
        {
            return slug;
        }
        return earlier;

        async Task<bool> IsTakenAsync(string candidate) =>
            await articles.GetBySlugOrMovedAsync(candidate, includeUnpublished: true, cancellationToken) is (not null, _) or (_, not null);
    }

    /// <summary>
    /// The article the file asks for, with the stored article of its slug (null for a new one); null when the file
    /// fails. Everything that can fail it is judged before the first write, so a file that fails leaves nothing behind.
    /// </summary>
    private async Task<PlannedWrite?> BuildRequestAsync(
        string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (document.Authors.Count == 0)
        {
            problems.Add(new ImportProblem(path, 1, "No author: add 'authors' to the front matter or a byline such as '作者 | 名字' or 'By Name', or give import --author NAME for the files that name none."));
            return null;
        }
        var slug = document.Slug ?? await DerivedSlugAsync(document.Title, cancellationToken);
        var (existing, movedTo) = await articles.GetBySlugOrMovedAsync(slug, includeUnpublished: true, cancellationToken);
        string? aliasOf = null;
        if (movedTo is not null && await EarlierSlugsImport.IsImportedAliasAsync(db, slug, cancellationToken))
        {
            // Another file gave it as one of its post's earlier URLs: this file is another post, not that article's file
            // from before an edit. Giving the slug, it takes it over, as through the API; a title's is no claim to it.
            if (document.Slug is null)
            {
                problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("title", 1),
                    $"The slug '{slug}', derived from this file's title, is an earlier URL an import gave the article that has '{movedTo}': add a 'slug' to the front matter (that one, to take the URL over)."));
                return null;
            }
            aliasOf = movedTo;
            movedTo = null;
        }
        if (movedTo is not null)
        {
            // An earlier slug of an article: the file is that article's, from before an edit changed its slug.
            if (document.Slug is null)
            {
                problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("title", 1),
                    $"The article whose slug was '{slug}', derived from this file's title, has the slug '{movedTo}' now: add 'slug: {movedTo}' to its front matter to update that article, or another 'slug' to create a new one."));
                return null;
            }
            // It keeps the slug it has now (a file from before the change would otherwise undo it), and claims that one,
            // so that a file of this import giving it finds the article already taken.
            existing = await articles.GetBySlugAsync(movedTo, includeUnpublished: true, cancellationToken);
            if (movedTo != Slugs.ForLookup(slug))
            {
                // Not when the slug is the article's own in another spelling NFKC reads as the same (a decomposed é):
                // nothing moved, and the warning named two slugs that look alike.
                problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("slug", 1),
                    $"'{slug}' was the slug of the article that has '{movedTo}' now: the file updates that article, which keeps '{movedTo}'.", ImportSeverity.Warning));
            }
            slug = movedTo;
        }
        if (document.BodyUnscanned && existing?.Row.Body != document.BodyTemplate)
        {
            // Only a body stored already may be one Markdig takes seconds to parse (the API refuses a new one).
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("body", 1), MarkdownScanCost.Explanation));
            return null;
        }
        var draft = ArticleDraft.Of(path, document, slug, existing);

        // Judged before anything is created, with the ids of what exists already and stand-ins for the rest (the rules do
        // not look at them), so that a file that fails leaves no authors, tags or images behind.
        var (found, allFound) = await FindExistingAsync(document, cancellationToken);
        var standIn = draft.With(found);
        if (!await PassesRulesAsync(path, document, standIn, existing, problems, cancellationToken))
        {
            return null;
        }
        if (existing is not null && document.Slug is null && !summary.SlugClaims.ContainsKey(slug) &&
            !(allFound && JsonSetup.SameJson(existing.ToRequest(), standIn)))
        {
            // Only a slug written in the file says which article it updates: two posts may well share a title.
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("title", 1),
                $"An article already has the slug '{slug}' derived from this file's title: add 'slug: {slug}' to its front matter to update that article, or another 'slug' to create a new one."));
            return null;
        }
        // After the refusal above (for articles from before this import; one written by an earlier file of it is
        // ClaimSlug's to tell): a file refused for its derived slug takes no slug from the files after it.
        if (!ClaimSlug(path, slug, document.Slug is null, document.KeyLines.GetValueOrDefault(document.Slug is null ? "title" : "slug", 1), summary, problems))
        {
            return null;
        }
        var ids = await FindOrCreateReferencesAsync(path, document, summary, problems, cancellationToken);
        return new PlannedWrite(draft.With(ids), existing, aliasOf);
    }

    /// <summary>
    /// The file's article but for the ids of what it refers to: stand-ins while the file is judged, the stored ones
    /// once it is saved.
    /// </summary>
    private sealed record ArticleDraft(ImportDocument Document, string Slug, string Language, ArticleStatus Status, DateTimeOffset? PublishedAt, string? StoredBody)
    {
        public static ArticleDraft Of(string path, ImportDocument document, string slug, ArticleAggregate? existing)
        {
            // A file saying nothing of publication keeps a stored article's status, as a PUT without status does.
            var status = document.Status is { } given ? (given == "published" ? ArticleStatus.Published : ArticleStatus.Draft)
                : document.PublishedAt is not null ? ArticleStatus.Published : existing?.Row.StatusValue ?? ArticleStatus.Draft;
            // A published article's date stays when the file gives none (the API keeps it too), so restating it changes nothing.
            var keptPublishedAt = existing?.Row.StatusValue == ArticleStatus.Published ? Timestamps.FromDbOrNull(existing.Row.PublishedAt) : null;
            var language = document.Language ?? LanguageGuess.FromFileName(path) ?? KeptOrGuessed(existing?.Row.Language, document.BodyTemplate);
            return new(document, slug, language, status, status == ArticleStatus.Published ? document.PublishedAt ?? keptPublishedAt : null, existing?.Row.Body);
        }

        /// <summary>
        /// The language of a file that names none, for an article it may update: the stored tag when the text's script
        /// tells the same language, since it says more than a guess can (an editor's <c>en-GB</c>, or <c>zh</c> stored by a
        /// build before the guess told Traditional from Simplified), or tells only a script the stored language is written
        /// in (<c>fa</c> for <c>und-Arab</c>, <c>ru</c> for <c>und-Cyrl</c>, <c>fr</c> for Latin text's <c>en</c>:
        /// <see cref="LanguageGuess.IsWrittenInScriptOf"/>), so importing an unchanged file again leaves the article
        /// alone; else the guess (<see cref="LanguageGuess.FromScript"/>), the body now being in another language or script.
        /// </summary>
        private static string KeptOrGuessed(string? stored, string text)
        {
            var guessed = LanguageGuess.FromScript(text);
            // 'und' (undetermined) is no language two tags share: und-Cyrl stored is not of und-Arab's language.
            var language = LanguageTags.PrimaryLanguage(guessed);
            return stored is not null && (language != "und" && string.Equals(LanguageTags.PrimaryLanguage(stored), language, StringComparison.OrdinalIgnoreCase)
                || LanguageGuess.IsWrittenInScriptOf(stored, guessed))
                ? stored : guessed;
        }

        public ArticleRequest With(ReferenceIds ids)
        {
            var body = Document.BodyWith(ids.ImageIds);
            return new(
                Document.Title, body, Language, ids.AuthorIds, Status, Slug, Document.Subtitle, Document.Excerpt,
                PublishedAt, ids.TagIds, ids.CoverId, ImageIds(ids, body), Document.CanonicalUrl);
        }

        /// <summary>
        /// The images the file lists, then those its body places that the list leaves out but its cover; without a
        /// list, the body's. A body that restates the stored one adds none: it may place its cover or an image it does
        /// not list, as a body stored before today's rules may, and the API keeps such a body as it is.
        /// </summary>
        private List<long> ImageIds(ReferenceIds ids, string body) => Document.ListedImageIds is not { } listed ? [.. ids.ImageIds.Distinct()]
            : body == StoredBody ? [.. listed.Distinct()]
            : [.. listed.Concat(ids.ImageIds.Where(id => id != ids.CoverId)).Distinct()];
    }

    /// <summary>What an article refers to: its authors and tags, its body's images (one per image, in order) and its cover.</summary>
    private sealed record ReferenceIds(List<long> AuthorIds, List<long> TagIds, List<long> ImageIds, long? CoverId);

    /// <summary>
    /// Adds what the API's rules say against the file's article, its author and tag names and the images it would
    /// create; true when no problem of the file (the parser's too) is an error and every stored image it names exists.
    /// </summary>
    private async Task<bool> PassesRulesAsync(
        string path, ImportDocument document, ArticleRequest standIn, ArticleAggregate? existing, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(standIn, cancellationToken);
        if (!validation.IsValid && existing is not null)
        {
            // As a PUT is judged: a value stored before a rule existed (a language such as 'jp', a title past today's
            // length), which the file restates, does not fail it; one it changes is judged by today's rules.
            validation = await AnswerableErrors.OfAsync(validator, validation, existing.ToRequest(), standIn, cancellationToken);
        }
        foreach (var error in validation.Errors)
        {
            var key = FileKey(Http.Binding.ValidationFilter.ToJsonPath(error.PropertyName));
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault(key, 1), $"{key}: {error.ErrorMessage}"));
        }
        // What the store refuses of the body: the images it places that neither imageIds nor the cover gives, and of a new
        // body, one too complex to store or placing no image.
        if (validation.IsValid && ArticleStore.BodyProblem(standIn, existing) is { } bodyProblem)
        {
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("body", 1), $"body: {bodyProblem}"));
        }
        await AddNameProblemsAsync(path, document, problems, cancellationToken);
        await AddNewImageProblemsAsync(path, document, problems, cancellationToken);
        // Only once the file is otherwise valid: it then names at most the 500 images an article may have.
        return !problems.Any(p => p.Severity == ImportSeverity.Error) && await AddMissingImagesAsync(path, document, problems, cancellationToken) == 0;
    }

    /// <summary>The front-matter key of a member of the API's request (<c>authorIds[3]</c> is given by <c>authors</c>).</summary>
    private static string FileKey(string member)
    {
        var name = member.Split('[', '.')[0];
        return name switch
        {
            "authorIds" => "authors",
            "tagIds" => "tags",
            "coverImageId" => "cover",
            _ => name,
        };
    }

    /// <summary>
    /// What the rules say against the authors and tags the file would create: one found by its slug is stored already,
    /// its slug perhaps from before today's rules, and an export names it so.
    /// </summary>
    private async Task AddNameProblemsAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var names = new List<(string What, NamedRef Named, FluentValidation.Results.ValidationResult Result)>();
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var (table, named) in document.Authors.Select(named => ("authors", named)).Concat(document.Tags.Select(named => ("tags", named))))
        {
            if (named.Slug is not null && await connection.ExecuteScalarAsync<long?>(FindSql(table, named), FindKey(named)) is not null)
            {
                continue;
            }
            names.Add(table == "authors"
                ? ("author", named, await authorValidator.ValidateAsync(AuthorRequestOf(named), cancellationToken))
                : ("tag", named, await tagValidator.ValidateAsync(TagRequestOf(named), cancellationToken)));
        }
        foreach (var (what, named, result) in names)
        {
            foreach (var error in result.Errors)
            {
                var (part, value) = error.PropertyName switch
                {
                    nameof(AuthorRequest.Slug) => ("slug", named.Slug),
                    nameof(AuthorRequest.Bio) => ("bio", named.Details?.Text),
                    nameof(TagRequest.Description) => ("description", named.Details?.Text),
                    _ => ("name", named.Name),
                };
                problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault(what + "s", 1), $"The {what} {part} '{Http.Errors.Echoed.Cut(value ?? "")}': {error.ErrorMessage}"));
            }
        }
    }

    /// <summary>Reports each image given by URL (to be found or created) that the image rules refuse, at its line.</summary>
    private async Task AddNewImageProblemsAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var newImages = document.Images.Where(i => i.ExistingImageId is null).Select(i => (Request: ImageRequestOf(i), i.Line))
            .Concat(document.CoverImage is { ExistingImageId: null } cover ? [(ImageRequestOf(cover), document.CoverLine)] : []);
        foreach (var (image, line) in newImages)
        {
            if (await imageValidator.ValidateAsync(image, cancellationToken) is { IsValid: false } invalid)
            {
                problems.Add(new ImportProblem(path, line, ImageProblem(image, invalid)));
            }
        }
    }

    /// <summary>The ids of the file's authors, tags and images, creating those not stored yet (and completing stored images).</summary>
    private async Task<ReferenceIds> FindOrCreateReferencesAsync(
        string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var authorsLine = document.KeyLines.GetValueOrDefault("authors", 1);
        var authorIds = await IdsOfAsync(document.Authors, async named =>
        {
            var avatarId = await NewAuthorsAvatarAsync(named, path, authorsLine, summary, problems, cancellationToken);
            return await FindOrCreateAsync("authors", named,
                (connection, transaction) => authors.InsertAsync(connection, transaction, AuthorRequestOf(named, avatarId), cancellationToken),
                r => r.Id, () => summary.AuthorsCreated++, path, authorsLine, problems, cancellationToken);
        });
        var tagIds = await IdsOfAsync(document.Tags, named => FindOrCreateAsync("tags", named,
            (connection, transaction) => tags.InsertAsync(connection, transaction, TagRequestOf(named), cancellationToken),
            r => r.Id, () => summary.TagsCreated++, path, document.KeyLines.GetValueOrDefault("tags", 1), problems, cancellationToken));
        var imageIds = new List<long>();
        foreach (var image in document.Images)
        {
            imageIds.Add(image.ExistingImageId ?? await UpsertImageAsync(ImageRequestOf(image), path, image.Line, summary, problems, cancellationToken));
        }
        long? coverId = document.CoverImage is { } coverImage
            ? coverImage.ExistingImageId ?? await UpsertImageAsync(ImageRequestOf(coverImage), path, document.CoverLine, summary, problems, cancellationToken)
            : null;
        if (document.CoverImage is { ExistingImageId: { } storedCover } coverById && (coverById.AltText ?? coverById.Caption) is not null)
        {
            // The cover's alt text and caption are all the file can say of a stored image it names by id.
            await AnnotateStoredImageAsync(storedCover, ImageRequestOf(coverById), path, document.CoverLine, summary, problems, cancellationToken);
        }
        return new ReferenceIds(authorIds, tagIds, imageIds, coverId);
    }

    private static AuthorRequest AuthorRequestOf(NamedRef named, long? avatarId = null) =>
        new(named.Name, named.Slug, named.Details?.Text, avatarId, named.Details?.Website, named.Details?.Email);

    private static TagRequest TagRequestOf(NamedRef named) => new(named.Name, named.Slug, named.Details?.Text);

    /// <summary>
    /// The portrait of an author the site's authors file describes (<see cref="NamedDetails.PictureUrl"/>), found by URL
    /// or created, when that author is not stored yet; null otherwise, or with a warning when the image rules refuse it.
    /// </summary>
    private async Task<long?> NewAuthorsAvatarAsync(
        NamedRef named, string path, int line, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (named.Details?.PictureUrl is not { } url)
        {
            return null;
        }
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(FindSql("authors", named), FindKey(named), cancellationToken: cancellationToken)) is not null)
            {
                return null;
            }
        }
        var portrait = new ImageRequest(url, named.Name);
        if (await imageValidator.ValidateAsync(portrait, cancellationToken) is { IsValid: false } invalid)
        {
            problems.Add(new ImportProblem(path, line, $"The author '{named.Name}' is created without a portrait: {ImageProblem(portrait, invalid)}", ImportSeverity.Warning));
            return null;
        }
        return await UpsertImageAsync(portrait, path, line, summary, problems, cancellationToken);
    }

    /// <summary>
    /// The ids of the authors or tags the file names, in its order, each once. Those named by slug are found or created
    /// first, so that a name finds an author the file names by slug too, or passes it by, whichever comes first in it.
    /// </summary>
    private static async Task<List<long>> IdsOfAsync(IReadOnlyList<NamedRef> refs, Func<NamedRef, Task<long>> idOf)
    {
        var ids = new long[refs.Count];
        foreach (var index in Enumerable.Range(0, refs.Count).OrderBy(index => refs[index].Slug is null))
        {
            ids[index] = await idOf(refs[index]);
        }
        return [.. ids.Distinct()];
    }

    /// <summary>
    /// Takes the slug for this file in this run; false (with the problem) when another file of the run has it, whose
    /// article this one would replace.
    /// </summary>
    private static bool ClaimSlug(string path, string slug, bool derived, int line, ImportSummary summary, List<ImportProblem> problems)
    {
        if (summary.SlugClaims.TryAdd(slug, new SlugClaim(path, derived)) || summary.SlugClaims[slug].File == path)
        {
            return true;
        }
        var earlier = summary.SlugClaims[slug];
        var advice = (derived, earlier.Derived) switch
        {
            (true, true) => "give one of them a 'slug'",
            (true, false) => "give this file a 'slug' of its own",
            (false, true) => $"give {earlier.File} a 'slug' of its own",
            (false, false) => "change the 'slug' of one of them",
        };
        problems.Add(new ImportProblem(path, line, $"Its slug '{slug}' is also that of {earlier.File}, imported before it, whose article it would replace: {advice}."));
        return false;
    }

    /// <summary>The ids of the file's authors, tags and images that are stored already, and stand-ins for the others; All: no stand-in was needed.</summary>
    private async Task<(ReferenceIds Ids, bool All)> FindExistingAsync(ImportDocument document, CancellationToken cancellationToken)
    {
        var all = true;
        var standIn = 0L;
        await using var connection = await db.OpenAsync(cancellationToken);
        async Task<long> IdOf(Find find)
        {
            if (await find(connection, null) is { } stored)
            {
                return stored.Id;
            }
            all = false;
            // Counted down from the largest id, which no row reaches: a stand-in equal to a found id would read as a repeat.
            return long.MaxValue - standIn++;
        }
        var authorIds = await IdsOfAsync(document.Authors, named => IdOf(FindNamed("authors", named, cancellationToken)));
        var tagIds = await IdsOfAsync(document.Tags, named => IdOf(FindNamed("tags", named, cancellationToken)));
        var imageIds = new List<long>();
        foreach (var image in document.Images)
        {
            imageIds.Add(image.ExistingImageId ?? await IdOf(FindBySql(ImageIdByUrl, new { image.Url }, cancellationToken)));
        }
        long? coverId = document.CoverImage is { } cover ? cover.ExistingImageId ?? await IdOf(FindBySql(ImageIdByUrl, new { cover.Url }, cancellationToken)) : null;
        return (new ReferenceIds(authorIds, tagIds, imageIds, coverId), all);
    }

    /// <summary>
    /// How an author or tag the file names is found (its id, then its stored name): by its slug when the file gives one,
    /// else by name. The table name is one of two constants passed by this class. A slug is read as the API reads a slug
    /// given as written (<see cref="Slugs.WrittenSpellings"/>): as written first (a slug stored before slugs had to be
    /// NFKC, as its export names it), then in its NFKC spelling, so that a decomposed é or full-width letters find the
    /// author GET /authors/slug/{slug} finds, where the file was refused for a slug it could not create.
    /// </summary>
    private sealed record Stored(long Id, string Name);

    private static string FindSql(string table, NamedRef named) => named.Slug is null
        ? $"SELECT id, name FROM {table} WHERE name = @Name ORDER BY id LIMIT 1"
        : $"SELECT id, name FROM {table} WHERE slug IN (@Slug, @Respelled) ORDER BY slug = @Slug DESC LIMIT 1";

    /// <summary>The parameters of <see cref="FindSql"/>.</summary>
    private static object FindKey(NamedRef named) =>
        new { named.Name, named.Slug, Respelled = named.Slug is null ? null : Slugs.ForLookup(named.Slug) };

    /// <summary>Looks an author, tag or image up, in <paramref name="transaction"/> when there is one.</summary>
    private delegate Task<Stored?> Find(DbConnection connection, DbTransaction? transaction);

    private static Find FindBySql(string sql, object key, CancellationToken cancellationToken) => (connection, transaction) =>
        connection.QueryFirstOrDefaultAsync<Stored?>(new CommandDefinition(sql, key, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// <see cref="FindSql"/>, and for a tag then its name as tag names are compared (<see cref="TagNames"/>): a tag is
    /// unique by name so, and one the file names as ai beside a stored AI, or with a slug no tag has, is that one.
    /// </summary>
    private static Find FindNamed(string table, NamedRef named, CancellationToken cancellationToken) => async (connection, transaction) =>
        await FindBySql(FindSql(table, named), FindKey(named), cancellationToken)(connection, transaction)
        ?? (table == "tags" && await TagNames.FindAsync(connection, transaction, named.Name, null, cancellationToken) is { } tag
            ? new Stored(tag.Id, tag.Name)
            : null);

    /// <summary>Its id, then its URL as the <see cref="Stored"/> name.</summary>
    private const string ImageIdByUrl = "SELECT id, url AS name FROM images WHERE url = @Url ORDER BY id LIMIT 1";

    /// <summary>What a find-or-create write came to: the row found, which it leaves as it is, or the outcome of creating one.</summary>
    private sealed record FoundOrCreated<TRow>(Stored? Found, WriteOutcome<TRow>? Created) : IWriteResult
    {
        public bool Changed => Created is { Changed: true };
    }

    /// <summary>
    /// Finds the row by <paramref name="find"/>, or inserts it: one not found by a plain read is looked up again in
    /// the insert's write transaction. Found only beforehand, an author, tag or image that an API client created between
    /// the look-up and the insert (no unique constraint on a name or URL stops a second) was made twice. The read first
    /// keeps the usual case, a name already stored, out of the write lock a server beside the import needs.
    /// </summary>
    private async Task<FoundOrCreated<TRow>> FindOrInsertAsync<TRow>(
        Find find, Func<DbConnection, DbTransaction, Task<WriteOutcome<TRow>>> insert, CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await find(connection, null) is { } stored)
            {
                return new FoundOrCreated<TRow>(stored, null);
            }
        }
        return await db.WriteAsync(async (connection, transaction) =>
            await find(connection, transaction) is { } found
                ? new FoundOrCreated<TRow>(found, null)
                : new FoundOrCreated<TRow>(null, await insert(connection, transaction)), cancellationToken);
    }

    /// <summary>
    /// Reports each <c>image:ID</c> and each id of <c>imageIds</c> (an exported article's) whose image is not in this
    /// database, at its line; returns how many.
    /// </summary>
    private async Task<int> AddMissingImagesAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var referenced = document.Images.Where(i => i.ExistingImageId is not null).Select(i => (Id: i.ExistingImageId!.Value, i.Url, i.Line))
            .Concat(document.CoverImage is { ExistingImageId: { } coverId } cover ? [(coverId, cover.Url, document.CoverLine)] : [])
            .Concat((document.ListedImageIds ?? []).Select(id => (Id: id, Url: ImageReferences.For(id), Line: document.KeyLines.GetValueOrDefault("imageIds", 1))))
            .Distinct().ToList();
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

    /// <summary>The author's or tag's id, created when not stored; one found by its slug keeps its stored name (a warning says so when the file names it otherwise).</summary>
    private async Task<long> FindOrCreateAsync<TRow>(
        string table, NamedRef named, Func<DbConnection, DbTransaction, Task<WriteOutcome<TRow>>> insert, Func<TRow, long> idOf, Action created,
        string path, int line, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var (stored, outcome) = await FindOrInsertAsync(FindNamed(table, named, cancellationToken), insert, cancellationToken);
        if (stored is not null)
        {
            if (stored.Name != named.Name)
            {
                problems.Add(new ImportProblem(path, line,
                    $"The {table[..^1]} '{named.Slug ?? named.Name}' keeps its stored name '{stored.Name}', not '{named.Name}': it may be named on other articles; change it through the API.",
                    ImportSeverity.Warning));
            }
            return stored.Id;
        }
        if (outcome is not WriteOutcome<TRow>.Saved saved)
        {
            throw new InvalidDataException($"Could not create {table[..^1]} '{named.Name}': {Describe(outcome!)}");
        }
        created();
        return idOf(saved.Row);
    }

    private static ImageRequest ImageRequestOf(ImportImage image) => new(image.Url, image.AltText, image.Caption, image.Credit);

    private static ImageRequest ImageRequestOf(CoverImageRef cover) => new(cover.Url, cover.AltText ?? "", cover.Caption);

    private static string ImageProblem(ImageRequest image, FluentValidation.Results.ValidationResult invalid) =>
        $"Image {image.Url}: " + string.Join(" ", invalid.Errors.Select(e => $"{Http.Binding.ValidationFilter.ToJsonPath(e.PropertyName)}: {e.ErrorMessage}"));

    /// <summary>
    /// Finds the image by URL or creates it; <paramref name="request"/> has passed the image validator already. A stored
    /// image only gets what it lacks (<see cref="ImageAnnotationMerge"/>); what the file says otherwise is a warning.
    /// </summary>
    private async Task<long> UpsertImageAsync(ImageRequest request, string path, int line, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var (existing, outcome) = await FindOrInsertAsync(
            FindBySql(ImageIdByUrl, new { request.Url }, cancellationToken), (connection, transaction) => images.InsertAsync(connection, transaction, request, cancellationToken), cancellationToken);
        if (existing is not null)
        {
            await AnnotateStoredImageAsync(existing.Id, request, path, line, summary, problems, cancellationToken);
            return existing.Id;
        }
        if (outcome is not WriteOutcome<ImageRow>.Saved saved)
        {
            throw new InvalidDataException($"Could not create the image {request.Url}: {Describe(outcome!)}");
        }
        summary.ImagesCreated++;
        return saved.Row.Id;
    }

    /// <summary>
    /// Gives a stored image what it lacks of <paramref name="request"/>'s alt text, caption and credit; what the file says
    /// otherwise is a warning. The update is the image as read with those filled in, so it is pinned to the version read:
    /// an edit committed in between (a server beside the import) is read again and merged, not overwritten.
    /// </summary>
    private async Task AnnotateStoredImageAsync(long id, ImageRequest request, string path, int line, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await images.GetAsync(id, cancellationToken) is not { } current)
            {
                return;
            }
            var merge = ImageAnnotationMerge.Of(current, request);
            if (merge.Update is not { } update)
            {
                AddAnnotationConflicts(merge, request, path, line, problems);
                return;
            }
            var outcome = await images.ReplaceAsync(id, update, WritePreconditions.Absent.PinnedTo(current.Version), cancellationToken);
            if (outcome is WriteOutcome<ImageRow>.Stale && attempt < PatchHandler.MaxAttempts)
            {
                continue;
            }
            AddAnnotationConflicts(merge, request, path, line, problems);
            if (outcome is WriteOutcome<ImageRow>.Saved)
            {
                summary.ImagesUpdated++;
            }
            return;
        }
    }

    private static void AddAnnotationConflicts(ImageAnnotationMerge.Outcome merge, ImageRequest request, string path, int line, List<ImportProblem> problems)
    {
        if (merge.Conflicts.Count > 0)
        {
            problems.Add(new ImportProblem(path, line,
                $"Image {request.Url} keeps its stored {string.Join(" and ", merge.Conflicts)}: it may be shown by other articles; change it through the API.",
                ImportSeverity.Warning));
        }
    }

    private static string Describe<TRow>(WriteOutcome<TRow> outcome) => outcome switch
    {
        WriteOutcome<TRow>.Conflict conflict => conflict.Detail,
        WriteOutcome<TRow>.Invalid invalid => string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => outcome.GetType().Name,
    };
}
