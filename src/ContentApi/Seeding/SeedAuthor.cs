namespace ContentApi.Seeding;

/// <param name="Language">The language the author writes in: <c>zh-Hant</c>, <c>zh-Hans</c> or <c>en</c>.</param>
public sealed record SeedAuthor(string Name, string Slug, string Bio, string Email, string? Website, string Language);
