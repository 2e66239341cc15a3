using ContentApi.Seeding;

namespace ContentApi.UnitTests.Seeding;

/// <summary>One generated sample shared by the statistical tests (generation is deterministic, so sharing is safe).</summary>
internal static class SeedSample
{
    public const int Seed = 20250924;
    public static readonly DateTimeOffset Now = new(2025, 10, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<SeedArticle> Articles = new SeedContentGenerator(Seed, Now).Generate(5000).ToList();

    public static double Share(Func<SeedArticle, bool> predicate) => Articles.Count(predicate) / (double)Articles.Count;
}
