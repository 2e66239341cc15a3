using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// An author or a tag that a Markdown file names by a slug it had before an edit changed it is that author or tag, as
/// GET /authors/slug/{old} and the author= filter find it: import looked the slug up among current slugs only, created
/// a second author under the old slug and so took it over, and the old links then led to the copy.
/// </summary>
public sealed class ImportEarlierSlugReferenceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_author_or_tag_named_by_an_earlier_slug_is_the_one_it_leads_to()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var writer = factory.Writer();
        var author = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Jane {marker}", slug = $"jdoe-{marker}" }))["id"]!.GetValue<long>();
        var tag = (await writer.PostOkAsync("/api/v1/tags", new { name = $"AI {marker}", slug = $"ai-{marker}" }))["id"]!.GetValue<long>();
        await (await writer.PatchMergeAsync($"/api/v1/authors/{author}", new { slug = $"jane-doe-{marker}" })).AssertJsonAsync();
        await (await writer.PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"Artificial intelligence {marker}", slug = $"artificial-intelligence-{marker}" })).AssertJsonAsync();
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "old-slugs.md"),
            $"---\ntitle: Old slugs {marker}\nslug: old-slugs-{marker}\nstatus: published\nauthors:\n- name: Jane {marker}\n  slug: jdoe-{marker}\n" +
            $"tags:\n- name: AI {marker}\n  slug: ai-{marker}\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var article = await (await factory.Reader().GetAsync($"/api/v1/articles/slug/old-slugs-{marker}")).AssertJsonAsync();
        Assert.Equal([author], article["authors"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal([tag], article["tags"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
        var oldAuthorLink = await factory.Anonymous().GetAsync($"/api/v1/authors/slug/jdoe-{marker}");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAuthorLink.StatusCode);
        Assert.Equal($"/api/v1/authors/slug/jane-doe-{marker}", oldAuthorLink.Headers.Location?.OriginalString);
    }
}
