namespace ContentApi.Seeding;

/// <summary>
/// Deterministic demo content: the same seed and <c>now</c> give the same articles on any machine, a different seed
/// gives different ones, and article n can be generated without the ones before it.
/// <para>
/// Mix (approximate): 40 % Traditional Chinese, 25 % Simplified Chinese, 25 % English, 10 % Traditional Chinese with
/// English paragraphs (tagged zh-Hant); six topics; about 3,000 characters per Chinese body and 750 words per
/// English one; 1–3 images; two authors and three tags; 5 % drafts; published within three years before <c>now</c>.
/// </para>
/// <para>
/// Search benchmark terms, in article bodies only: <see cref="CommonCjkTerm"/> in about 10 % of all articles (Chinese
/// ones only), <see cref="LatinTerm"/> in about 5 %, <see cref="RareTerm"/> in exactly one article in every
/// <see cref="RareTermPeriod"/> consecutive numbers. No other text contains them.
/// </para>
/// </summary>
public sealed class SeedContentGenerator
{
    /// <summary>A two-character word for "model", in about <see cref="CommonCjkTermShare"/> of articles.</summary>
    public const string CommonCjkTerm = "模型";

    /// <summary>"Graphene", written the same in both scripts; in exactly 1 of every <see cref="RareTermPeriod"/> articles.</summary>
    public const string RareTerm = "石墨烯";

    /// <summary>A single Latin token, in about <see cref="LatinTermShare"/> of articles of every language.</summary>
    public const string LatinTerm = "Kubernetes";

    public const double CommonCjkTermShare = 0.10;
    public const double LatinTermShare = 0.05;
    public const int RareTermPeriod = 1000;
    public const double DraftShare = 0.05;
    public const int DefaultChineseCharacters = 3000;
    public const int DefaultEnglishWords = 750;

    private readonly int _seed;
    private readonly int _rareTermSlot;
    private readonly SeedGeneratorSettings _settings;

    /// <param name="now">The end of the publishing window; the generator never reads the clock.</param>
    public SeedContentGenerator(
        int seed, DateTimeOffset now, int chineseCharacters = DefaultChineseCharacters, int englishWords = DefaultEnglishWords)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chineseCharacters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(englishWords);
        _seed = seed;
        var utc = now.ToUniversalTime();
        _settings = new SeedGeneratorSettings(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), chineseCharacters, englishWords);
        _rareTermSlot = new SeedRandom(seed, -1).Next(RareTermPeriod);
    }

    /// <summary>The fixed authors (20) that articles' <see cref="SeedArticle.AuthorIndexes"/> point into.</summary>
    public IReadOnlyList<SeedAuthor> Authors => SeedAuthors.All;

    /// <summary>The fixed tags (44) that articles' <see cref="SeedArticle.TagIndexes"/> point into.</summary>
    public IReadOnlyList<SeedTag> Tags => SeedTags.All;

    /// <summary>Articles 0 to <paramref name="articleCount"/> − 1, one at a time.</summary>
    public IEnumerable<SeedArticle> Generate(int articleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articleCount);
        return Articles(articleCount);
    }

    public SeedArticle Article(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var random = new SeedRandom(_seed, number);
        return new ArticleComposer(random, _settings).Compose(number, number % RareTermPeriod == _rareTermSlot);
    }

    private IEnumerable<SeedArticle> Articles(int count)
    {
        for (var number = 0; number < count; number++)
        {
            yield return Article(number);
        }
    }
}
