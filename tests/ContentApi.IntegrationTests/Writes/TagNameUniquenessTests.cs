using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A tag's name is unique once in NFKC and lowercased: a tag picker that creates on Enter made 人工智慧 and 人工智慧-2,
/// or ai-2 and ai-3 beside AI, and a tag in use cannot be deleted, so cleaning up meant editing every article.
/// </summary>
public sealed class TagNameUniquenessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("人工智慧", "人工智慧")]
    [InlineData("AI", "ai")]
    [InlineData("AI", "ＡＩ")]
    [InlineData("Café", "Cafe\u0301")]
    [InlineData("ΟΔΟΣ", "οδος")]
    [InlineData("台北市", "台北\u200B市")]
    [InlineData("台北\u200B市", "台北市")]
    [InlineData("AI", "Ai\u200B")]
    [InlineData("AI", "A\u00ADI")]
    [InlineData("AI", "A\u2060I")]
    public async Task A_tag_named_as_another_is_refused_with_409_naming_it(string first, string second)
    {
        var marker = Marker();
        var writer = factory.Writer();
        var existing = await writer.PostOkAsync("/api/v1/tags", new { name = $"{first} {marker}" });

        var response = await writer.PostAsJsonAsync("/api/v1/tags", new { name = $"{second} {marker}" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(existing.Id(), problem["conflictingId"]!.GetValue<long>());
        Assert.Equal("name_taken", problem["code"]!.GetValue<string>());
        var list = await factory.Reader().GetJsonAsync("/api/v1/tags?limit=100&sort=-createdAt");
        Assert.Single(list["items"]!.AsArray(), t => t!.Text("name").EndsWith(marker, StringComparison.Ordinal));
    }

    /// <summary>The zero-width non-joiner parts the words of a Persian compound, as slugs keep it: no look-alike.</summary>
    [Fact]
    public async Task A_name_with_a_zero_width_non_joiner_is_another_name()
    {
        var marker = Marker();
        var writer = factory.Writer();
        await writer.PostOkAsync("/api/v1/tags", new { name = $"می\u200Cخواهم {marker}" });

        await writer.PostOkAsync("/api/v1/tags", new { name = $"میخواهم {marker}" });
    }

    [Fact]
    public async Task Of_ten_parallel_creates_of_one_name_exactly_one_is_created()
    {
        var name = $"Parallel {Marker()}";
        var writer = factory.Writer();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => writer.PostAsJsonAsync("/api/v1/tags", new { name })));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var id = (await created.AssertJsonAsync(HttpStatusCode.Created)).Id();
        foreach (var refused in responses.Where(r => r != created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(id, problem["conflictingId"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Renaming_a_tag_to_another_tags_name_is_409_and_respelling_its_own_is_not()
    {
        var marker = Marker();
        var writer = factory.Writer();
        var taken = await writer.PostOkAsync("/api/v1/tags", new { name = $"Taken {marker}" });
        var other = await writer.PostOkAsync("/api/v1/tags", new { name = $"Other {marker}" });

        var put = await writer.PutAsJsonAsync($"/api/v1/tags/{other.Id()}", new { name = $"TAKEN {marker}" });
        Assert.Equal(taken.Id(), (await put.AssertProblemAsync(HttpStatusCode.Conflict))["conflictingId"]!.GetValue<long>());
        var patch = await writer.PatchMergeAsync($"/api/v1/tags/{other.Id()}", new { name = $"ｔａｋｅｎ {marker}" });
        Assert.Equal(taken.Id(), (await patch.AssertProblemAsync(HttpStatusCode.Conflict))["conflictingId"]!.GetValue<long>());

        var respelt = await (await writer.PutAsJsonAsync($"/api/v1/tags/{taken.Id()}", new { name = $"TAKEN {marker}" })).AssertJsonAsync();
        Assert.Equal($"TAKEN {marker}", respelt.Text("name"));
    }
}
