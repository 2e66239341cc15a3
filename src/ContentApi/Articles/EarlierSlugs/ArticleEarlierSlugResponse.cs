namespace ContentApi.Articles.EarlierSlugs;

/// <summary>A slug that leads to an article (a 301 to its current slug) without being its slug.</summary>
/// <param name="Slug" example="qwen3-max-發布">The earlier slug: `GET /articles/slug/{slug}` with it answers 301 to the article's current slug.</param>
/// <param name="FromImport" example="false">Whether an import gave it (a migrated post's earlier URL, from its file's `aliases` or `redirect_from`); false for one an edit replaced.</param>
public sealed record ArticleEarlierSlugResponse(string Slug, bool FromImport);
