namespace ContentApi.Import;

/// <summary>What an import run did, printed at its end.</summary>
public sealed class ImportSummary
{
    public int FilesRead { get; set; }

    /// <summary>Files of a folder that were not read, each told with its reason (<see cref="MarkdownFiles.Listing.LeftOut"/>).</summary>
    public int FilesLeftOut { get; init; }
    public int ArticlesCreated { get; set; }
    public int ArticlesUpdated { get; set; }
    public int ArticlesUnchanged { get; set; }
    public int Failed { get; set; }
    public int ImagesCreated { get; set; }
    public int ImagesUpdated { get; set; }
    public int AuthorsCreated { get; set; }
    public int TagsCreated { get; set; }

    /// <summary>Articles written as drafts only because their file gave no date, status or draft flag.</summary>
    public int UndatedDrafts { get; set; }

    /// <summary>The earlier slugs this run made lead to its articles (as looked up), less those a later file took over.</summary>
    public HashSet<string> EarlierSlugsKept { get; } = new(StringComparer.Ordinal);

    /// <summary>The file each slug came from in this run: a second file with the same slug would replace the first's article.</summary>
    public Dictionary<string, SlugClaim> SlugClaims { get; } = new(StringComparer.Ordinal);

    public override string ToString() =>
        $"Files read: {FilesRead}{(FilesLeftOut > 0 ? $" ({FilesLeftOut} left out)" : "")}; articles created: {ArticlesCreated}, updated: {ArticlesUpdated}, failed: {Failed}, unchanged: {ArticlesUnchanged}; " +
        $"images created: {ImagesCreated}, updated: {ImagesUpdated}; authors created: {AuthorsCreated}; tags created: {TagsCreated}" +
        (EarlierSlugsKept.Count > 0 ? $"; earlier URLs kept: {EarlierSlugsKept.Count}" : "") +
        (UndatedDrafts > 0 ? $"; drafts for want of a date: {UndatedDrafts} (give 'date', or 'status: published', to publish one)." : ".");
}
