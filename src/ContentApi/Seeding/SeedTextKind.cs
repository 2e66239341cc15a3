namespace ContentApi.Seeding;

/// <summary>How an article is written. Mixed articles are Traditional Chinese with some English paragraphs.</summary>
internal enum SeedTextKind
{
    TraditionalChinese,
    SimplifiedChinese,
    English,
    Mixed,
}
