namespace ContentApi.UnitTests.Import;

internal static class Fixture
{
    public const string NewsFile = "qwen3-max-news.md";
    public const string FrontMatterFile = "qwen3-max-front-matter.md";
    public const string ExpectedBodyFile = "qwen3-max-news.expected-body.md";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Import", name));
}
