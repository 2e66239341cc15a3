using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>The excerpt an article with this body gets when it gives none, as the API derives it.</summary>
internal static class DerivedExcerpt
{
    public static string Of(string markdown) =>
        Excerpts.Derive(MarkdownRenderer.ToPlainTextForStorage(markdown, TimeSpan.FromSeconds(10)).ExcerptSource, 200);
}
