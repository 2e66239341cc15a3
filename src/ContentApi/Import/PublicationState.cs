namespace ContentApi.Import;

/// <summary>
/// The status and publishedAt a file asks for. <c>draft: true</c> (Hugo, Jekyll) or <c>published: false</c> (Jekyll,
/// DEV) makes a draft and <c>draft: false</c> or <c>published: true</c> only says "not a draft"; either contradicting an explicit <c>status</c> fails the file. A draft has no publication
/// date in the API, which refuses one: a draft's <c>publishedAt</c> is dropped with a warning.
/// </summary>
internal static class PublicationState
{
    public static (string? Status, DateTimeOffset? PublishedAt) Of(string file, FrontMatterFields fields, List<ImportProblem> problems)
    {
        if (fields.Draft is { } draft && fields.Status is { } status && draft != (status == "draft"))
        {
            problems.Add(new ImportProblem(file, fields.DraftLine, $"'{Said(fields)}' contradicts 'status: {status}': keep one of them."));
            return (null, null);
        }
        var resolved = fields.Status ?? (fields.Draft == true ? "draft" : null);
        if (fields.Draft == false && resolved is null && fields.PublishedAt is null)
        {
            problems.Add(new ImportProblem(file, fields.DraftLine,
                $"'{Said(fields)}' but no 'publishedAt', 'date' or 'status': imported as a draft (an article already stored keeps its status). Give 'publishedAt' or 'status: published' to publish it.",
                ImportSeverity.Warning));
        }
        if (resolved == "draft" && fields.PublishedAt is not null)
        {
            problems.Add(new ImportProblem(file, fields.PublishedAtLine,
                "'publishedAt' dropped: the article is a draft, and a draft has no publication date (the API refuses one). Give the date when publishing.",
                ImportSeverity.Warning));
            return (resolved, null);
        }
        return (resolved, fields.PublishedAt);
    }

    private static string Said(FrontMatterFields fields) => fields.DraftWritten ?? $"draft: {(fields.Draft == true ? "true" : "false")}";
}
