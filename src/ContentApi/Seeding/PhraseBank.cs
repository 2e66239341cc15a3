namespace ContentApi.Seeding;

/// <summary>The article subjects; each has its own phrases in every bank and its own tags.</summary>
internal enum SeedTopic
{
    ArtificialIntelligence,
    Semiconductors,
    Business,
    Devices,
    Culture,
    Energy,
}

/// <summary>Phrases about one topic in one language.</summary>
internal sealed record TopicPhrases(
    string[] Companies,
    string[] Products,
    PhraseTemplate[] Titles,
    string[] Headings,
    PhraseTemplate[] Sentences,
    string[] AltTexts,
    string[] Captions);

/// <summary>
/// Everything the seeder writes in one language. No phrase may contain the benchmark terms
/// (<see cref="SeedContentGenerator.CommonCjkTerm"/>, <see cref="SeedContentGenerator.RareTerm"/>,
/// <see cref="SeedContentGenerator.LatinTerm"/>) except the term sentences, so their frequencies stay as documented.
/// </summary>
internal sealed record PhraseBank(
    string Language,
    string SentenceSeparator,
    TopicPhrases[] Topics,
    PhraseTemplate[] GeneralSentences,
    string[] GeneralHeadings,
    string[] Cities,
    string[] Credits,
    string[] Disclaimers,
    PhraseTemplate[] CommonTermSentences,
    PhraseTemplate[] LatinTermSentences,
    PhraseTemplate[] RareTermSentences)
{
    public TopicPhrases this[SeedTopic topic] => Topics[(int)topic];
}
