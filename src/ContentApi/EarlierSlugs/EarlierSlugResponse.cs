namespace ContentApi.EarlierSlugs;

/// <summary>A slug that leads to an author or a tag (a 301 to its current slug) without being its slug.</summary>
/// <param name="Slug" example="ai">The earlier slug: `GET /tags/slug/{slug}` (or `/authors/slug/{slug}`) with it answers 301 to the current slug.</param>
public sealed record EarlierSlugResponse(string Slug);
