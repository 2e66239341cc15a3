using ContentApi.Http;

namespace ContentApi.Data;

/// <summary>An article that refers to something, as named in a 409 when that thing cannot be deleted.</summary>
public sealed record ArticleReference(long Id, string Slug);

public static class InUse
{
    /// <summary>Deleting something articles still use is refused, naming them; there is no silent cascade.</summary>
    public static WriteOutcome<TRow>.Conflict Conflict<TRow>(string what, IReadOnlyList<ArticleReference> articles) =>
        new($"The {what} is still used by {articles.Count}{(articles.Count >= 20 ? " or more" : "")} article(s): " +
            string.Join(", ", articles.Select(a => $"{a.Id} ({a.Slug})")) + ". Remove it from them first.",
            new Dictionary<string, object?> { ["articles"] = articles });
}
