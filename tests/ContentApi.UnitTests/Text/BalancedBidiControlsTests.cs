using ContentApi.Search;
using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

/// <summary>
/// Text cut from text free to leave bidirectional controls open (a body's paragraph), or cut between an opener and its
/// closer, keeps only the controls closed within it, so that it passes the rule a title is held to and reverses nothing
/// shown after it in a list.
/// </summary>
public sealed class BalancedBidiControlsTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]                          // an override left open
    [InlineData("a\u202C b\u2069 c", "a b c")]                                      // closers of nothing
    [InlineData("\u202Bשלום\u202C and \u2067مرحبا\u2069", "\u202Bשלום\u202C and \u2067مرحبا\u2069")]
    [InlineData("\u2068user\u202E名\u202C\u2069", "\u2068user\u202E名\u202C\u2069")] // nested, closed in order
    [InlineData("\u202B\u2067x\u202C\u2069", "\u2067x\u2069")]                     // closed out of order: the pair that nests stays
    [InlineData("\u2067a\u202Bb\u2069c", "abc")]                                    // a PDI with an embedding open inside its isolate
    [InlineData("abc\u200F\u200E\u061C", "abc\u200F\u200E\u061C")]                  // marks are no controls to close
    public void WithBalancedBidiControls_keeps_only_what_is_closed_within_the_text(string text, string expected)
    {
        var balanced = TextRules.WithBalancedBidiControls(text);

        Assert.Equal(expected, balanced);
        Assert.True(TextRules.HasBalancedBidiControls(balanced));
    }

    [Fact]
    public void WithBalancedBidiControls_gives_balanced_text_for_any_sequence_of_controls()
    {
        const string alphabet = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x";
        var random = new Random(20261204);
        for (var i = 0; i < 5_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var balanced = TextRules.WithBalancedBidiControls(text);
            Assert.True(TextRules.HasBalancedBidiControls(balanced), string.Concat(text.Select(c => $"{(int)c:X4} ")));
            Assert.Equal(text.Count(c => c == 'x'), balanced.Count(c => c == 'x')); // only controls go
        }
    }

    /// <summary>A search hit's snippet sits beside the other hits: one cut from a body must leave no override open either.</summary>
    [Theory]
    [InlineData("Please open invoice\u202Efdp.exe today.", "invoice")]
    [InlineData("\u2067שלום עולם שלום עולם שלום עולם שלום עולם\u2069 then here.", "here")] // cut inside the isolate, keeping its close
    public void A_snippet_keeps_only_the_bidi_controls_closed_within_it(string text, string query)
    {
        var snippet = Snippets.Build(text, SearchQuery.Parse(query), maxLength: 20);

        Assert.Contains("<mark>", snippet, StringComparison.Ordinal);
        Assert.True(TextRules.HasBalancedBidiControls(snippet), snippet);
        Assert.True(TextRules.HasBalancedBidiControls(Snippets.Highlight(text, SearchQuery.Parse(query))));
    }
}
