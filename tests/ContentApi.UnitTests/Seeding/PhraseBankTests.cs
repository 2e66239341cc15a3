using System.Text;
using ContentApi.Seeding;

namespace ContentApi.UnitTests.Seeding;

public sealed class PhraseBankTests
{
    public static TheoryData<string> Languages => ["zh-Hant", "zh-Hans", "en"];

    private static PhraseBank Bank(string language) => language switch
    {
        "zh-Hant" => TraditionalChinesePhrases.Bank,
        "zh-Hans" => SimplifiedChinesePhrases.Bank,
        _ => EnglishPhrases.Bank,
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Bank_has_every_topic_with_enough_phrases(string language)
    {
        var bank = Bank(language);
        Assert.Equal(language, bank.Language);
        Assert.Equal(Enum.GetValues<SeedTopic>().Length, bank.Topics.Length);
        Assert.All(bank.Topics, topic =>
        {
            // Sentence piles are dealt from a 64-bit mask.
            Assert.InRange(topic.Sentences.Length, 8, 63);
            Assert.True(topic.Titles.Length >= 3 && topic.Headings.Length >= 4 && topic.AltTexts.Length >= 2 && topic.Captions.Length >= 2);
            Assert.True(topic.Companies.Length >= 3 && topic.Products.Length >= 3);
        });
        Assert.InRange(bank.GeneralSentences.Length, 8, 63);
        Assert.NotEmpty(bank.LatinTermSentences);
        Assert.NotEmpty(bank.RareTermSentences);
    }

    [Theory]
    [InlineData("zh-Hant", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("en", false)]
    public void Bank_has_common_term_sentences_only_in_chinese(string language, bool expected) =>
        Assert.Equal(expected, Bank(language).CommonTermSentences.Length > 0);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Term_sentences_contain_their_term(string language)
    {
        var bank = Bank(language);
        var context = new PhraseContext(new SeedRandom(1, 1), bank, SeedTopic.ArtificialIntelligence);
        Assert.All(bank.CommonTermSentences, t => Assert.Contains(SeedContentGenerator.CommonCjkTerm, Render(t, context), StringComparison.Ordinal));
        Assert.All(bank.LatinTermSentences, t => Assert.Contains(SeedContentGenerator.LatinTerm, Render(t, context), StringComparison.Ordinal));
        Assert.All(bank.RareTermSentences, t => Assert.Contains(SeedContentGenerator.RareTerm, Render(t, context), StringComparison.Ordinal));
    }

    [Fact]
    public void Template_fills_slots_from_the_context()
    {
        var context = new PhraseContext(new SeedRandom(3, 3), EnglishPhrases.Bank, SeedTopic.Business);
        var text = Render(PhraseTemplate.Parse("{C} grew {Q}% in {X}, {N} stores, {M} million: {P}."), context);
        Assert.Matches(@"^\S.* grew \d{1,2}\.\d% in \S.*, \d{1,2} stores, \d{1,3} million: \S.*\.$", text);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{Z} unknown")]
    [InlineData("{C")]
    [InlineData("open { brace")]
    public void Template_with_bad_slot_throws(string text) =>
        Assert.Throws<FormatException>(() => PhraseTemplate.Parse(text));

    [Fact]
    public void Random_is_deterministic_per_seed_and_stream_and_stays_in_range()
    {
        static int[] Draw(int seed, int stream)
        {
            var random = new SeedRandom(seed, stream);
            return [.. Enumerable.Range(0, 1000).Select(_ => random.Next(10))];
        }
        Assert.Equal(Draw(1, 2), Draw(1, 2));
        Assert.NotEqual(Draw(1, 2), Draw(1, 3));
        Assert.NotEqual(Draw(1, 2), Draw(2, 2));
        Assert.All(Draw(5, 5).GroupBy(x => x), g => Assert.InRange(g.Count(), 70, 130));
        Assert.Equal(10, Draw(5, 5).Distinct().Count());
    }

    private static string Render(PhraseTemplate template, PhraseContext context)
    {
        var builder = new StringBuilder();
        template.AppendTo(builder, context);
        return builder.ToString();
    }
}
