using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

internal static class Import
{
    public const string File = "article.md";

    public static ImportDocument Succeeds(string content)
    {
        var result = MarkdownImportParser.Parse(File, content);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Document!;
    }

    public static ImportProblem FailsWith(string content)
    {
        var result = MarkdownImportParser.Parse(File, content);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
    }

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A file of these body lines under front matter that gives a title and no authors.</summary>
    public static ImportResult Body(params string[] bodyLines) => MarkdownImportParser.Parse(File, Lines(["---", "title: T", "authors: []", "---", "", .. bodyLines]));

    /// <summary>The names of the authors or tags a file gives.</summary>
    public static IReadOnlyList<string> Names(this IReadOnlyList<NamedRef> named) => [.. named.Select(entry => entry.Name)];
}
