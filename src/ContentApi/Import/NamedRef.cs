namespace ContentApi.Import;

/// <summary>
/// An author or tag as a file names it: by name (found by it, or created), or by name and slug (found by the slug, or
/// created with both). An export names each by both, so that two authors of one name stay two, and a name is kept
/// exactly as stored. <paramref name="Details"/>: what a new one is created with besides (a site's authors file).
/// </summary>
public sealed record NamedRef(string Name, string? Slug = null, NamedDetails? Details = null);

/// <summary>
/// What a site says of an author or tag besides its name: an author's bio (Docusaurus' <c>title</c>, MkDocs Material's
/// <c>description</c>), site, portrait URL and email; a tag's description (<paramref name="Text"/>).
/// </summary>
public sealed record NamedDetails(string? Text = null, string? Website = null, string? PictureUrl = null, string? Email = null);
