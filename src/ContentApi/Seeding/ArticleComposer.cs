using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Seeding;

/// <summary>Writes one article from its own random stream. Decisions are drawn in a fixed order, so output is stable.</summary>
internal sealed class ArticleComposer
{
    public const double TraditionalShare = 0.40;
    public const double SimplifiedShare = 0.25;
    public const double EnglishShare = 0.25;

    // The benchmark terms go into the first paragraphs, which every article has and which are never English in mixed ones.
    private const int InjectionParagraphs = 3;
    private const double MixedEnglishParagraphShare = 0.35;
    private const double SubtitleShare = 0.35;
    private const double ExcerptShare = 0.2;
    private const double CoverShare = 0.85;
    private const double BusinessDisclaimerShare = 0.4;
    private const double OtherDisclaimerShare = 0.05;
    private const double EnglishCharactersPerWord = 6.2;
    private const int PublishedWindowSeconds = 3 * 365 * 24 * 60 * 60;

    [ThreadStatic] private static StringBuilder? t_body;
    [ThreadStatic] private static StringBuilder? t_line;

    private readonly SeedRandom _random;
    private readonly SeedGeneratorSettings _settings;
    private readonly SeedTextKind _kind;
    private readonly SeedTopic _topic;
    private readonly PhraseContext _text;
    private readonly PhraseContext? _englishText;
    private readonly StringBuilder _body = t_body ??= new StringBuilder(16 * 1024);
    private readonly StringBuilder _line = t_line ??= new StringBuilder(256);
    private readonly List<(int Paragraph, PhraseTemplate Sentence)> _injections = new(3);
    private readonly SentenceDeck _sentences;
    private readonly SentenceDeck? _englishSentences;
    private int _excerptLength;

    public ArticleComposer(SeedRandom random, SeedGeneratorSettings settings)
    {
        _random = random;
        _settings = settings;
        var kind = random.NextDouble();
        _kind = kind < TraditionalShare ? SeedTextKind.TraditionalChinese
            : kind < TraditionalShare + SimplifiedShare ? SeedTextKind.SimplifiedChinese
            : kind < TraditionalShare + SimplifiedShare + EnglishShare ? SeedTextKind.English
            : SeedTextKind.Mixed;
        _topic = (SeedTopic)random.Next(Enum.GetValues<SeedTopic>().Length);
        var bank = _kind switch
        {
            SeedTextKind.SimplifiedChinese => SimplifiedChinesePhrases.Bank,
            SeedTextKind.English => EnglishPhrases.Bank,
            _ => TraditionalChinesePhrases.Bank,
        };
        _text = new PhraseContext(random, bank, _topic);
        _sentences = new SentenceDeck(random, _text);
        if (_kind == SeedTextKind.Mixed)
        {
            _englishText = new PhraseContext(random, EnglishPhrases.Bank, _topic);
            _englishSentences = new SentenceDeck(random, _englishText);
        }
    }

    private bool IsChinese => _kind != SeedTextKind.English;

    public SeedArticle Compose(int number, bool withRareTerm)
    {
        var title = Render(_random.Pick(_text.Topic.Titles), trimEnd: false);
        var subtitle = _random.Chance(SubtitleShare) ? Render(_random.Pick(_text.Topic.Sentences), trimEnd: true) : null;
        DateTimeOffset? publishedAt = _random.Chance(SeedContentGenerator.DraftShare)
            ? null
            : _settings.Now.AddSeconds(-_random.Next(PublishedWindowSeconds));
        var images = new SeedImage[ImageCount()];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = SeedImageFactory.Create(_random, _text, publishedAt ?? _settings.Now);
        }
        PlanInjections(withRareTerm);
        var body = WriteBody(images);
        var excerpt = _random.Chance(ExcerptShare) ? body[.._excerptLength] : null;
        return new SeedArticle(
            number, title, Slug(title, number), subtitle, excerpt, body,
            _text.Bank.Language,
            publishedAt is null ? "draft" : "published", publishedAt, PickAuthors(), PickTags(), images,
            _random.Chance(CoverShare) ? 0 : null);
    }

    private int ImageCount() => _random.Next(10) switch
    {
        < 3 => 1,
        < 7 => 2,
        _ => 3,
    };

    private void PlanInjections(bool withRareTerm)
    {
        _injections.Clear();
        var bank = _text.Bank;
        var commonShare = SeedContentGenerator.CommonCjkTermShare / (1 - EnglishShare);
        if (IsChinese && _random.Chance(commonShare))
        {
            _injections.Add((_random.Next(InjectionParagraphs), _random.Pick(bank.CommonTermSentences)));
        }
        if (_random.Chance(SeedContentGenerator.LatinTermShare))
        {
            _injections.Add((_random.Next(InjectionParagraphs), _random.Pick(bank.LatinTermSentences)));
        }
        if (withRareTerm)
        {
            _injections.Add((_random.Next(InjectionParagraphs), _random.Pick(bank.RareTermSentences)));
        }
    }

    private string WriteBody(SeedImage[] images)
    {
        _body.Clear();
        var target = (int)(TargetLength() * (0.85 + (0.3 * _random.NextDouble())));
        var headingStart = _random.Next(HeadingCount);
        var paragraph = 0;
        WriteParagraph(paragraph++);
        WriteImage(images, 0);
        var placed = 1;
        for (var section = 0; paragraph < InjectionParagraphs || _body.Length < target; section++)
        {
            _body.Append("## ").Append(Heading(headingStart + section)).Append("\n\n");
            var paragraphs = _random.Next(2, 5);
            for (var i = 0; i < paragraphs && (paragraph < InjectionParagraphs || _body.Length < target); i++)
            {
                WriteParagraph(paragraph++);
                // Images spread out: the second after the first paragraph of section 1, the third after that of section 3.
                if (i == 0 && placed < images.Length && section == (2 * placed) - 1)
                {
                    WriteImage(images, placed++);
                }
            }
        }
        while (placed < images.Length)
        {
            WriteImage(images, placed++);
        }
        var disclaimerShare = _topic == SeedTopic.Business ? BusinessDisclaimerShare : OtherDisclaimerShare;
        if (_random.Chance(disclaimerShare))
        {
            _body.Append(_random.Pick(_text.Bank.Disclaimers)).Append("\n\n");
        }
        _body.Length--;
        return _body.ToString();
    }

    private void WriteParagraph(int index)
    {
        var english = _englishText is not null && index >= InjectionParagraphs && _random.Chance(MixedEnglishParagraphShare);
        var (text, deck) = english ? (_englishText!, _englishSentences!) : (_text, _sentences);
        var sentences = _random.Next(3, 6);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                _body.Append(text.Bank.SentenceSeparator);
            }
            deck.Draw().AppendTo(_body, text);
            if (index == 0 && s == 0)
            {
                _excerptLength = _body.Length;
            }
        }
        foreach (var (paragraph, sentence) in _injections)
        {
            if (paragraph == index)
            {
                sentence.AppendTo(_body.Append(_text.Bank.SentenceSeparator), _text);
            }
        }
        _body.Append("\n\n");
    }

    private void WriteImage(SeedImage[] images, int index) =>
        _body.Append("![").Append(images[index].AltText).Append("](").Append(ImageReferences.Placeholder(index)).Append(")\n\n");

    private int HeadingCount => _text.Topic.Headings.Length + _text.Bank.GeneralHeadings.Length;

    private string Heading(int index)
    {
        index %= HeadingCount;
        var topicHeadings = _text.Topic.Headings;
        return index < topicHeadings.Length ? topicHeadings[index] : _text.Bank.GeneralHeadings[index - topicHeadings.Length];
    }

    private int TargetLength() => IsChinese
        ? _settings.ChineseCharacters
        : (int)(_settings.EnglishWords * EnglishCharactersPerWord);

    private string Render(PhraseTemplate template, bool trimEnd)
    {
        _line.Clear();
        template.AppendTo(_line, _text);
        if (trimEnd && _line.Length > 0 && _line[^1] is '。' or '.')
        {
            _line.Length--;
        }
        return _line.ToString();
    }

    private int[] PickAuthors() => _kind switch
    {
        SeedTextKind.TraditionalChinese => PickTwo(SeedAuthors.TraditionalChinese),
        SeedTextKind.SimplifiedChinese => PickTwo(SeedAuthors.SimplifiedChinese),
        SeedTextKind.English => PickTwo(SeedAuthors.English),
        _ => [_random.Pick(SeedAuthors.TraditionalChinese), _random.Pick(SeedAuthors.English)],
    };

    private int[] PickTags()
    {
        var topicTags = PickTwo(SeedTags.ByTopic[(int)_topic]);
        return [topicTags[0], topicTags[1], _random.Pick(SeedTags.General)];
    }

    private int[] PickTwo(int[] pool)
    {
        var first = _random.Next(pool.Length);
        var second = (first + 1 + _random.Next(pool.Length - 1)) % pool.Length;
        return [pool[first], pool[second]];
    }

    private static string Slug(string title, int number)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var slug = Slugs.FromText(title, "article");
        return slug[..Math.Min(slug.Length, Slugs.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
    }
}
