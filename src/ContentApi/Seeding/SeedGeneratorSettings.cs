namespace ContentApi.Seeding;

/// <param name="Now">The end of the publishing window; articles are published within three years before it.</param>
internal sealed record SeedGeneratorSettings(DateTimeOffset Now, int ChineseCharacters, int EnglishWords);
