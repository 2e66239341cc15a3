using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Jekyll posts wrap text that looks like Liquid, most often template code (<c>{{ user.name }}</c> in Vue, Go or
/// Handlebars), in <c>{% raw %}</c> … <c>{% endraw %}</c>, so that Jekyll prints it as written. Import kept the tags,
/// so readers saw them around the code. They go now, and what they wrap stays, as Jekyll shows it.
/// </summary>
public sealed class LiquidRawTests
{
    private static ImportDocument Parse(params string[] bodyLines) => Import.Body(bodyLines).Document!;

    [Theory]
    [InlineData("Vue writes {% raw %}`{{ message }}`{% endraw %} in templates.", "Vue writes `{{ message }}` in templates.")]
    [InlineData("{%- raw -%}{{ x }}{%- endraw -%}", "{{ x }}")]
    [InlineData("```html\n{% raw %}\n<p>{{ user.name }}</p>\n{% endraw %}\n```", "```html\n\n<p>{{ user.name }}</p>\n\n```")]
    public void Raw_tags_go_and_what_they_wrap_stays(string body, string expected) =>
        Assert.Equal(expected + "\n", Parse(body).BodyTemplate);

    [Fact]
    public void An_endraw_without_its_raw_stays() => Assert.Equal("A {% endraw %} alone.\n", Parse("A {% endraw %} alone.").BodyTemplate);

    [Fact]
    public void A_raw_inside_raw_is_text_of_it_and_many_unclosed_ones_stay()
    {
        Assert.Equal("Write {% raw %} so.\n", Parse("Write {% raw %}{% raw %}{% endraw %} so.").BodyTemplate);
        var unclosed = string.Concat(Enumerable.Repeat("{% raw %}", 100_000));
        Assert.Equal(unclosed + "\n", Parse(unclosed).BodyTemplate);
    }
}
