using ContentApi.Http.Writes;
using ContentApi.Images;

namespace ContentApi.Import;

/// <summary>The images a file gives by URL: found or created, and a stored one completed with what it lacks.</summary>
public sealed partial class MarkdownImporter
{
    /// <summary>
    /// Finds the image by URL or creates it; <paramref name="request"/> has passed the image validator already. A stored
    /// image only gets what it lacks (<see cref="ImageAnnotationMerge"/>); what the file says otherwise is a warning.
    /// </summary>
    private async Task<long> UpsertImageAsync(ImageRequest request, string path, int line, ImportSummary summary, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var (existing, outcome) = await FindOrInsertAsync(
            ImportLookups.FindBySql(ImportLookups.ImageIdByUrl, new { request.Url }, cancellationToken), (connection, transaction) => images.InsertAsync(connection, transaction, request, cancellationToken), cancellationToken);
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
}
