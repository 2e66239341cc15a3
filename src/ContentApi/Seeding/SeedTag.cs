namespace ContentApi.Seeding;

public sealed record SeedTag(string Name, string Slug, string Description);
