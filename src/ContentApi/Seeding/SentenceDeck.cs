namespace ContentApi.Seeding;

/// <summary>
/// Deals an article's sentences without replacement, topic and general ones mixed, reshuffling when a pile runs out,
/// so a sentence comes back only after the others have been used (random picks repeat some five times in one body).
/// </summary>
internal sealed class SentenceDeck(SeedRandom random, PhraseContext text)
{
    private const double TopicSentenceShare = 0.65;

    private readonly Pile _topic = new(text.Topic.Sentences);
    private readonly Pile _general = new(text.Bank.GeneralSentences);

    public PhraseTemplate Draw() => (random.Chance(TopicSentenceShare) ? _topic : _general).Draw(random);

    private sealed class Pile(PhraseTemplate[] sentences)
    {
        // One bit per sentence already dealt; the banks hold far fewer than 64 sentences per pile.
        private ulong _dealt;
        private int _left = sentences.Length;
        private int _last;

        public PhraseTemplate Draw(SeedRandom random)
        {
            if (_left == 0)
            {
                // The new round starts without the sentence that ended the last one, so it cannot come twice in a row.
                (_dealt, _left) = sentences.Length > 1 ? (1UL << _last, sentences.Length - 1) : (0UL, 1);
            }
            var skip = random.Next(_left);
            for (var i = 0; ; i++)
            {
                if ((_dealt & (1UL << i)) == 0 && skip-- == 0)
                {
                    _dealt |= 1UL << i;
                    _left--;
                    _last = i;
                    return sentences[i];
                }
            }
        }
    }
}
