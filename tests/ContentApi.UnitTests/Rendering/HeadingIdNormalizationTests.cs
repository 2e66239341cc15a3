using System.Text;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A heading's id, and a link's way to it, do not depend on the Unicode normalization form the text was typed in: an
/// editor on macOS or a Korean input method may type "Tiếng Việt" or "한국어" decomposed (NFD), and a link typed composed
/// (NFC) must reach it, and the other way round. The body itself is kept as sent.
/// </summary>
public sealed class HeadingIdNormalizationTests
{
    private static RenderedArticle Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>());

    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    public static TheoryData<string, string> Headings => new()
    {
        { "Tiếng Việt", "tiếng-việt" },
        { "한국어 문서", "한국어-문서" },
        { "Café Olé", "café-olé" },
    };

    [Theory]
    [MemberData(nameof(Headings))]
    public void Heading_typed_decomposed_gets_the_composed_id(string heading, string id)
    {
        Assert.Equal("user-content-1-" + Nfc(id), Assert.Single(Render("## " + Nfd(heading)).Toc).Id);
        Assert.Equal("user-content-1-" + Nfc(id), Assert.Single(Render("## " + Nfc(heading)).Toc).Id);
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void Link_typed_in_one_form_reaches_a_heading_typed_in_the_other(string heading, string id)
    {
        var href = $"href=\"#user-content-1-{Uri.EscapeDataString(Nfc(id))}\"";

        Assert.Contains(href, Render($"## {Nfd(heading)}\n\n[x](#{Nfc(id)})").Html, StringComparison.Ordinal);
        Assert.Contains(href, Render($"## {Nfc(heading)}\n\n[x](#{Nfd(id)})").Html, StringComparison.Ordinal);
        Assert.Contains(href, Render($"## {Nfc(heading)}\n\n[x](#{Uri.EscapeDataString(Nfd(id))})").Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A Persian heading holds a zero-width non-joiner ("پیشینه‌ی خبر"), which its id writes as a hyphen, as a derived slug
    /// does ("پیشینه-ی-خبر"); a link typed from the heading's text, joiner and all, was left as written and found nothing
    /// (RTL review).
    /// </summary>
    [Theory]
    [InlineData("پیشینه\u200Cی خبر", "پیشینه\u200Cی-خبر", "پیشینه-ی-خبر")]
    [InlineData("نکته\u200Cهای اصلی", "نکته\u200Cهای-اصلی", "نکته-های-اصلی")]
    public void Link_typed_with_a_non_joiner_reaches_its_heading(string heading, string fragment, string id)
    {
        var rendered = Render($"## {heading}\n\n[x](#{fragment})\n\n[y](#{Uri.EscapeDataString(fragment)})");

        Assert.Equal("user-content-1-" + id, Assert.Single(rendered.Toc).Id);
        var href = $"href=\"#user-content-1-{Uri.EscapeDataString(id)}\"";
        Assert.Equal(3, rendered.Html.Split(href).Length);
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void The_same_heading_typed_in_both_forms_is_a_repeat(string heading, string id)
    {
        var toc = Render($"## {Nfd(heading)}\n\n## {Nfc(heading)}\n\n## {Nfd(heading)}").Toc;

        Assert.Equal(["user-content-1-" + Nfc(id), $"user-content-1-{Nfc(id)}-2", $"user-content-1-{Nfc(id)}-3"], toc.Select(entry => entry.Id));
    }

    [Fact]
    public void Heading_text_in_the_toc_and_the_html_is_kept_as_typed()
    {
        var rendered = Render("## " + Nfd("Tiếng Việt"));

        Assert.Equal(Nfd("Tiếng Việt"), Assert.Single(rendered.Toc).Text);
        Assert.Contains(">" + Nfd("Tiếng Việt") + "</h2>", rendered.Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A character carrying a run of marks out of canonical order longer than any script writes (an acute and a grave-below
    /// 10,000 times over, as a hostile body can send) is kept as typed: ICU reorders such a run in time that grows with its
    /// square, which a render of a heading of 80,000 of them spent 20 s on. The heading's other characters are still composed.
    /// </summary>
    [Fact]
    public void A_character_with_a_run_of_marks_past_any_script_is_kept_as_typed()
    {
        var marks = string.Concat(Enumerable.Repeat("\u0301\u0316", 10_000));

        var id = HeadingIds.FromText(Nfd("Việt ") + "a" + marks + Nfd(" Việt"));

        Assert.Equal(Nfc("việt-") + "a" + marks + Nfc("-việt"), id);
    }

    /// <summary>
    /// The bound is the character's 64 code units, its letter included: a letter and 64 marks is kept as typed, one and
    /// 63 put in canonical order (the README said more than 64 code units of marks).
    /// </summary>
    [Theory]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public void A_character_of_more_than_64_code_units_is_kept_as_typed(int pairs, bool keptAsTyped)
    {
        var character = "a" + string.Concat(Enumerable.Repeat("\u0301\u0316", pairs)) + (keptAsTyped ? "" : "\u0301");

        Assert.Equal(keptAsTyped ? character : Nfc(character), HeadingIds.FromText(character));
    }

    /// <summary>Text with a lone surrogate has no normal form: its id is made from it as it is (the surrogate a break, as before), not a failed render.</summary>
    [Fact]
    public void Heading_text_with_a_lone_surrogate_gets_an_id_as_before() =>
        Assert.Equal("a-b", HeadingIds.FromText("A\uD800b"));
}
