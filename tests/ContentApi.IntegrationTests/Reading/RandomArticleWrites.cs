using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>Pieces of the random write sequences that check counts kept by triggers against counts over the tables.</summary>
internal static class RandomArticleWrites
{
    /// <summary>A draft, an article published in the past, or one scheduled for later, each a third of the time.</summary>
    public static Dictionary<string, object?> Visibility(Random random) => random.Next(3) switch
    {
        0 => new() { ["status"] = "draft", ["publishedAt"] = null },
        1 => new() { ["status"] = "published", ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(-random.Next(1, 400)) },
        _ => new() { ["status"] = "published", ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(random.Next(1, 30)) },
    };

    public static async Task PatchOkAsync(this HttpClient writer, string url, Dictionary<string, object?> patch) =>
        await (await writer.PatchMergeAsync(url, patch)).AssertJsonAsync();
}
