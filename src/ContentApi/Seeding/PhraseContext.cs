using System.Text;

namespace ContentApi.Seeding;

/// <summary>Fills slots for one article: mostly its main company and product, so the text stays on one story.</summary>
internal sealed class PhraseContext
{
    private const double FocusShare = 0.7;

    private readonly SeedRandom _random;
    private readonly string _company;
    private readonly string _product;

    public PhraseContext(SeedRandom random, PhraseBank bank, SeedTopic topic)
    {
        _random = random;
        Bank = bank;
        Topic = bank[topic];
        _company = random.Pick(Topic.Companies);
        _product = random.Pick(Topic.Products);
    }

    public PhraseBank Bank { get; }

    public TopicPhrases Topic { get; }

    public void AppendSlot(StringBuilder builder, Slot slot)
    {
        switch (slot)
        {
            case Slot.Company:
                builder.Append(_random.Chance(FocusShare) ? _company : _random.Pick(Topic.Companies));
                break;
            case Slot.Product:
                builder.Append(_random.Chance(FocusShare) ? _product : _random.Pick(Topic.Products));
                break;
            case Slot.Number:
                AppendInteger(builder, _random.Next(2, 61));
                break;
            case Slot.Percent:
                var tenths = _random.Next(10, 600);
                AppendInteger(builder, tenths / 10);
                builder.Append('.');
                AppendInteger(builder, tenths % 10);
                break;
            case Slot.Money:
                AppendInteger(builder, _random.Next(5, 900));
                break;
            case Slot.City:
                builder.Append(_random.Pick(Bank.Cities));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot));
        }
    }

    // Culture-free and allocation-free: the numbers here are small and never negative.
    private static void AppendInteger(StringBuilder builder, int value)
    {
        if (value >= 10)
        {
            AppendInteger(builder, value / 10);
        }
        builder.Append((char)('0' + (value % 10)));
    }
}
