using ContentApi.Articles;
using ContentApi.Http.Json;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// How a file becomes a planned write: the slug it names its article by, claimed for it in this run, and the request
/// judged by the API's rules before anything is created.
/// </summary>
public sealed partial class MarkdownImporter
{
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
}
