// Compiled at test time against the client NSwag generates from openapi/v1.json (GeneratedClientTests), not with this
// project: the types it uses exist only then. What the README's "Generated clients" section says a C# client can do.
using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace MyApp.Content;

public static class NSwagClientFlow
{
    public static async Task RunAsync(HttpClient writer, HttpClient anonymous, string marker)
    {
        var client = new ContentClient(writer.BaseAddress!.ToString(), writer);
        var image = await client.CreateImageAsync(body: new ImageRequest
        {
            Url = $"https://images.example.com/{marker}.jpg", AltText = "發布會現場", Credit = "圖源:ifanr", FocalPoint = new FocalPoint { X = 0.5, Y = 0.25 },
        });
        // Without GenerateOptionalPropertiesAsNullable, FocalPointPatch's y was a double that sent 0 (found by a probe).
        var refocused = await client.PatchImageAsync(image.Id, body: new ImageRequestPatch { FocalPoint = new FocalPointPatch { X = 0.9 } });
        Check(refocused.FocalPoint.X == 0.9 && refocused.FocalPoint.Y == 0.25 && refocused.Credit == image.Credit, "a PATCH of one coordinate keeps the other");
        var author = await client.CreateAuthorAsync(body: new AuthorRequest { Name = $"王小明 {marker}" });
        var coauthor = await client.CreateAuthorAsync(body: new AuthorRequest { Name = $"Jane Doe {marker}" });
        var tag = await client.CreateTagAsync(body: new TagRequest { Name = $"人工智慧 {marker}" });
        var created = await client.CreateArticleAsync(body: new ArticleRequest
        {
            Title = $"通義千問發布 {marker}",
            Slug = $"通義千問-{marker}",
            Body = $"## 發布會\n\n阿里雲發布新模型{marker}。\n\n![現場](image:{image.Id})\n",
            Language = "zh-Hant",
            AuthorIds = new[] { author.Id, coauthor.Id },
            TagIds = new[] { tag.Id },
            ImageIds = new[] { image.Id },
            CoverImageId = image.Id,
            Status = ArticleStatus.Published,
        });
        Check(created.Version == 1 && created.Status == ArticleStatus.Published, "a create answers the stored article");

        var bySlug = await client.GetArticleBySlugAsync(created.Slug, include: new[] { ArticleInclude.Authors, ArticleInclude.CoverImage });
        Check(bySlug.Id == created.Id, "an article is read by its CJK slug");
        Check(bySlug.Authors.First().Name == author.Name && bySlug.CoverImage.Credit == "圖源:ifanr", "embeds come back typed");
        Check((await client.GetArticleAsync(created.Id)).Title == created.Title, "an article is read by id");

        var reader = new ContentClient(anonymous.BaseAddress!.ToString(), anonymous);
        var firstPage = await reader.ListArticlesAsync(limit: 1, author: author.Slug);
        Check(firstPage.Items.Single().Id == created.Id && firstPage.Page.NextCursor == null, "a list filters by an author's slug");
        var slugs = new[] { author.Slug, coauthor.Slug };
        var authorsPage = await reader.ListAuthorsAsync(limit: 1, slug: slugs);
        var nextAuthorsPage = await reader.ListAuthorsAsync(limit: 1, slug: slugs, cursor: authorsPage.Page.NextCursor);
        Check(authorsPage.Items.Concat(nextAuthorsPage.Items).Select(a => a.Id).OrderBy(id => id).SequenceEqual(new[] { author.Id, coauthor.Id }.OrderBy(id => id))
            && nextAuthorsPage.Page.NextCursor == null, "a list is walked by its cursor");
        var found = await reader.SearchArticlesAsync(q: $"新模型{marker}");
        Check(found.Items.Any(hit => hit.Id == created.Id), "a search finds the article");

        var patched = await client.PatchArticleAsync(created.Id, if_Match: $"\"{created.Version}\"", body: new ArticleRequestPatch { Subtitle = "兆級參數" });
        Check(patched.Version == 2 && patched.Subtitle == "兆級參數" && patched.Title == created.Title && patched.CoverImage.Id == image.Id,
            "a PATCH sends only the members set");
        var stale = await StatusOfAsync(() => client.PatchArticleAsync(created.Id, if_Match: $"\"{created.Version}\"", body: new ArticleRequestPatch { Subtitle = "過期" }));
        Check(stale == 412, $"a stale If-Match is a 412, not {stale}");

        var invalid = await ProblemOfAsync(() => client.CreateTagAsync(body: new TagRequest { Name = "標籤", Slug = "Not A Slug" }));
        Check(invalid.StatusCode == 400 && invalid.Result.Errors.ContainsKey("slug"), "a 400 carries its errors by member");

        var replaced = await client.ReplaceArticleAsync(created.Id, if_Match: $"\"{patched.Version}\"", body: new ArticleRequest
        {
            Title = patched.Title,
            Slug = patched.Slug,
            Body = "阿里雲發布新模型。",
            Language = patched.Language,
            AuthorIds = new[] { author.Id },
            Status = ArticleStatus.Published,
        });
        Check(replaced.CoverImage == null && replaced.Version == 3, "a PUT without the cover clears it");
        await client.DeleteArticleAsync(created.Id, if_Match: $"\"{replaced.Version}\"");
        Check(await StatusOfAsync(() => client.GetArticleAsync(created.Id)) == 404, "a deleted article is gone");
    }

    private static async Task<int> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return 200;
        }
        catch (ApiException exception)
        {
            return exception.StatusCode;
        }
    }

    private static async Task<ApiException<HttpValidationProblemDetails>> ProblemOfAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiException<HttpValidationProblemDetails> exception)
        {
            return exception;
        }
        throw new InvalidOperationException("Expected a validation problem.");
    }

    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException("Does not hold: " + what);
        }
    }
}
