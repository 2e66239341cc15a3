using System.Text;

namespace ContentApi.Seeding;

/// <summary>What a <c>{X}</c> slot in a phrase stands for.</summary>
internal enum Slot : byte
{
    /// <summary><c>{C}</c>: a company (usually the article's main one).</summary>
    Company,

    /// <summary><c>{P}</c>: a product, model or work (usually the article's main one).</summary>
    Product,

    /// <summary><c>{N}</c>: a whole number from 2 to 60.</summary>
    Number,

    /// <summary><c>{Q}</c>: a percentage figure with one decimal, 1.0 to 59.9 (the % sign is in the phrase).</summary>
    Percent,

    /// <summary><c>{M}</c>: an amount from 5 to 899 (the unit is in the phrase).</summary>
    Money,

    /// <summary><c>{X}</c>: a city.</summary>
    City,
}

/// <summary>A sentence with slots, split once so that writing it is a few appends.</summary>
internal sealed class PhraseTemplate
{
    private readonly string[] _literals;
    private readonly Slot[] _slots;

    private PhraseTemplate(string[] literals, Slot[] slots)
    {
        _literals = literals;
        _slots = slots;
    }

    public static PhraseTemplate Parse(string text)
    {
        var literals = new List<string>();
        var slots = new List<Slot>();
        var start = 0;
        for (var open = text.IndexOf('{', StringComparison.Ordinal); open >= 0; open = text.IndexOf('{', start))
        {
            if (open + 2 >= text.Length || text[open + 2] != '}')
            {
                throw new FormatException($"Bad slot at {open} in \"{text}\".");
            }
            literals.Add(text[start..open]);
            slots.Add(text[open + 1] switch
            {
                'C' => Slot.Company,
                'P' => Slot.Product,
                'N' => Slot.Number,
                'Q' => Slot.Percent,
                'M' => Slot.Money,
                'X' => Slot.City,
                var other => throw new FormatException($"Unknown slot {{{other}}} in \"{text}\"."),
            });
            start = open + 3;
        }
        literals.Add(text[start..]);
        return new PhraseTemplate([.. literals], [.. slots]);
    }

    public static PhraseTemplate[] ParseAll(params string[] texts) => [.. texts.Select(Parse)];

    public void AppendTo(StringBuilder builder, PhraseContext context)
    {
        builder.Append(_literals[0]);
        for (var i = 0; i < _slots.Length; i++)
        {
            context.AppendSlot(builder, _slots[i]);
            builder.Append(_literals[i + 1]);
        }
    }
}
