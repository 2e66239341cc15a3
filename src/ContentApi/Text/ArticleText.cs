using Markdig;

namespace ContentApi.Text;

/// <summary>What an article's body measures: its plain text, derived excerpt, length and reading time.</summary>
public sealed record ArticleTextStats(string PlainText, string DerivedExcerpt, int CharacterCount, int ReadingTimeMinutes);

public static class ArticleText
{
    public const int ExcerptMaxLength = 200;

    public static ArticleTextStats Measure(string markdownBody)
    {
        var plain = Markdown.ToPlainText(markdownBody).Trim();
        var excerpt = plain.Length <= ExcerptMaxLength ? plain : plain[..ExcerptMaxLength];
        var count = new System.Globalization.StringInfo(plain).LengthInTextElements;
        return new ArticleTextStats(plain, excerpt, count, Math.Max(1, count / 400));
    }
}
