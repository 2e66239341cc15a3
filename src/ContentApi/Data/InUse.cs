using ContentApi.Http.Errors;
using ContentApi.Http.Writes;

namespace ContentApi.Data;

/// <summary>An article that refers to something, as named in a 409 when that thing cannot be deleted.</summary>
public sealed record ArticleReference(long Id, string Slug);

/// <summary>An author that refers to something (an image as avatar), as named in a 409.</summary>
public sealed record AuthorReference(long Id, string Slug);

public static class InUse
{
    private const int Shown = 20;

    /// <summary>
    /// Deleting something articles still use is refused, naming the first of them and saying how many there are in all
    /// (<paramref name="total"/>: every article, drafts and scheduled ones included, as the writer who may delete sees
    /// them); there is no silent cascade.
    /// </summary>
    public static WriteOutcome<TRow>.Conflict Conflict<TRow>(string what, IReadOnlyList<ArticleReference> articles, long total) =>
        new(ProblemCodes.InUse, $"The {what} is still used by {Describe(total, total == 1 ? "article" : "articles", articles.Select(a => (a.Id, a.Slug)))}. Remove it from them first.",
            new Dictionary<string, object?> { ["articles"] = articles, ["total"] = total });

    /// <summary>As above, for things that authors use too; the problem names both, under "articles" and "authors".</summary>
    public static WriteOutcome<TRow>.Conflict Conflict<TRow>(string what, IReadOnlyList<ArticleReference> articles, long total, IReadOnlyList<AuthorReference> authors)
    {
        var users = new List<string>();
        if (total > 0)
        {
            users.Add(Describe(total, total == 1 ? "article" : "articles", articles.Select(a => (a.Id, a.Slug))));
        }
        if (authors.Count > 0)
        {
            users.Add(DescribeAuthors(authors));
        }
        return new(ProblemCodes.InUse, $"The {what} is still used by {string.Join(" and by ", users)}. Remove it from them first.",
            new Dictionary<string, object?> { ["articles"] = articles, ["total"] = total, ["authors"] = authors });
    }

    private static string Describe(long total, string noun, IEnumerable<(long Id, string Slug)> users) =>
        $"{total} {noun}" + (total > Shown ? $", the first {Shown} by id: " : ": ") + string.Join(", ", users.Select(u => $"{u.Id} ({u.Slug})"));

    private static string DescribeAuthors(IReadOnlyList<AuthorReference> authors) =>
        $"{authors.Count}{(authors.Count >= Shown ? " or more" : "")} {(authors.Count == 1 ? "author" : "authors")}: " + string.Join(", ", authors.Select(a => $"{a.Id} ({a.Slug})"));
}
