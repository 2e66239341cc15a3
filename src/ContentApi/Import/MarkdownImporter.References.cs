using System.Data.Common;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Images;
using Dapper;

namespace ContentApi.Import;

/// <summary>The ids of the authors, tags and images a file refers to: those stored already, found or created.</summary>
public sealed partial class MarkdownImporter
{
    /// <summary>The ids of the file's authors, tags and images, creating those not stored yet (and completing stored images).</summary>
    private async Task<ReferenceIds> FindOrCreateReferencesAsync(
        string path, ImportDocument document, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var authorsLine = document.KeyLines.GetValueOrDefault("authors", 1);
        var authorIds = await IdsOfAsync(document.Authors, async named =>
        {
            var avatarId = await NewAuthorsAvatarAsync(named, path, authorsLine, summary, problems, cancellationToken);
            return await FindOrCreateAsync("authors", named,
                (connection, transaction) => authors.InsertAsync(connection, transaction, ImportRequests.AuthorRequestOf(named, avatarId), cancellationToken),
                r => r.Id, () => summary.AuthorsCreated++, path, authorsLine, problems, cancellationToken);
        });
        var tagIds = await IdsOfAsync(document.Tags, named => FindOrCreateAsync("tags", named,
            (connection, transaction) => tags.InsertAsync(connection, transaction, ImportRequests.TagRequestOf(named), cancellationToken),
            r => r.Id, () => summary.TagsCreated++, path, document.KeyLines.GetValueOrDefault("tags", 1), problems, cancellationToken));
        var imageIds = new List<long>();
        foreach (var image in document.Images)
        {
            imageIds.Add(image.ExistingImageId ?? await UpsertImageAsync(ImportRequests.ImageRequestOf(image), path, image.Line, summary, problems, cancellationToken));
        }
        long? coverId = document.CoverImage is { } coverImage
            ? coverImage.ExistingImageId ?? await UpsertImageAsync(ImportRequests.ImageRequestOf(coverImage), path, document.CoverLine, summary, problems, cancellationToken)
            : null;
        if (document.CoverImage is { ExistingImageId: { } storedCover } coverById && (coverById.AltText ?? coverById.Caption) is not null)
        {
            // The cover's alt text and caption are all the file can say of a stored image it names by id.
            await AnnotateStoredImageAsync(storedCover, ImportRequests.ImageRequestOf(coverById), path, document.CoverLine, summary, problems, cancellationToken);
        }
        return new ReferenceIds(authorIds, tagIds, imageIds, coverId);
    }

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
            if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ImportLookups.FindSql("authors", named), ImportLookups.FindKey(named), cancellationToken: cancellationToken)) is not null)
            {
                return null;
            }
        }
        var portrait = new ImageRequest(url, named.Name);
        if (await imageValidator.ValidateAsync(portrait, cancellationToken) is { IsValid: false } invalid)
        {
            problems.Add(new ImportProblem(path, line, $"The author '{named.Name}' is created without a portrait: {ImportRequests.ImageProblem(portrait, invalid)}", ImportSeverity.Warning));
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

    /// <summary>The ids of the file's authors, tags and images that are stored already, and stand-ins for the others; All: no stand-in was needed.</summary>
    private async Task<(ReferenceIds Ids, bool All)> FindExistingAsync(ImportDocument document, CancellationToken cancellationToken)
    {
        var all = true;
        var standIn = 0L;
        await using var connection = await db.OpenAsync(cancellationToken);
        async Task<long> IdOf(ImportLookups.Find find)
        {
            if (await find(connection, null) is { } stored)
            {
                return stored.Id;
            }
            all = false;
            // Counted down from the largest id, which no row reaches: a stand-in equal to a found id would read as a repeat.
            return long.MaxValue - standIn++;
        }
        var authorIds = await IdsOfAsync(document.Authors, named => IdOf(ImportLookups.FindNamed("authors", named, cancellationToken)));
        var tagIds = await IdsOfAsync(document.Tags, named => IdOf(ImportLookups.FindNamed("tags", named, cancellationToken)));
        var imageIds = new List<long>();
        foreach (var image in document.Images)
        {
            imageIds.Add(image.ExistingImageId ?? await IdOf(ImportLookups.FindBySql(ImportLookups.ImageIdByUrl, new { image.Url }, cancellationToken)));
        }
        long? coverId = document.CoverImage is { } cover ? cover.ExistingImageId ?? await IdOf(ImportLookups.FindBySql(ImportLookups.ImageIdByUrl, new { cover.Url }, cancellationToken)) : null;
        return (new ReferenceIds(authorIds, tagIds, imageIds, coverId), all);
    }

    /// <summary>What a find-or-create write came to: the row found, which it leaves as it is, or the outcome of creating one.</summary>
    private sealed record FoundOrCreated<TRow>(ImportLookups.Stored? Found, WriteOutcome<TRow>? Created) : IWriteResult
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
        ImportLookups.Find find, Func<DbConnection, DbTransaction, Task<WriteOutcome<TRow>>> insert, CancellationToken cancellationToken)
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

    /// <summary>The author's or tag's id, created when not stored; one found by its slug keeps its stored name (a warning says so when the file names it otherwise).</summary>
    private async Task<long> FindOrCreateAsync<TRow>(
        string table, NamedRef named, Func<DbConnection, DbTransaction, Task<WriteOutcome<TRow>>> insert, Func<TRow, long> idOf, Action created,
        string path, int line, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var (stored, outcome) = await FindOrInsertAsync(ImportLookups.FindNamed(table, named, cancellationToken), insert, cancellationToken);
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
}
