namespace ContentApi.Import;

/// <summary>
/// The parsed document, or null when any problem is an error. Warnings may accompany a document.
/// </summary>
public sealed record ImportResult(ImportDocument? Document, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Document is not null;
}
