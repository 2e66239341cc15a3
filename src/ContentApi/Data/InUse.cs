using ContentApi.Http.Writes;

namespace ContentApi.Data;

/// <summary>An article that refers to something, as named in a 409 when that thing cannot be deleted.</summary>
public sealed record ArticleReference(long Id, string Slug);

/// <summary>An author that refers to something (an image as avatar), as named in a 409.</summary>
public sealed record AuthorReference(long Id, string Slug);

public static class InUse
{
    private const int Shown = 20;

    /// <summary>Deleting something articles still use is refused, naming them; there is no silent cascade.</summary>
    public static WriteOutcome<TRow>.Conflict Conflict<TRow>(string what, IReadOnlyList<ArticleReference> articles) =>
        new($"The {what} is still used by {Describe(articles.Count, "article(s)", articles.Select(a => (a.Id, a.Slug)))}. Remove it from them first.",
            new Dictionary<string, object?> { ["articles"] = articles });

    /// <summary>As above, for things that authors use too; the problem names both, under "articles" and "authors".</summary>
    public static WriteOutcome<TRow>.Conflict Conflict<TRow>(string what, IReadOnlyList<ArticleReference> articles, IReadOnlyList<AuthorReference> authors)
    {
        var users = new List<string>();
        if (articles.Count > 0)
        {
            users.Add(Describe(articles.Count, "article(s)", articles.Select(a => (a.Id, a.Slug))));
        }
        if (authors.Count > 0)
        {
            users.Add(Describe(authors.Count, "author(s)", authors.Select(a => (a.Id, a.Slug))));
        }
        return new($"The {what} is still used by {string.Join(" and by ", users)}. Remove it from them first.",
            new Dictionary<string, object?> { ["articles"] = articles, ["authors"] = authors });
    }

    private static string Describe(int count, string noun, IEnumerable<(long Id, string Slug)> users) =>
        $"{count}{(count >= Shown ? " or more" : "")} {noun}: " + string.Join(", ", users.Select(u => $"{u.Id} ({u.Slug})"));
}
