// Compiled at test time against the client NSwag generates from openapi/v1.json (GeneratedClientTests), not with this
// project. The anonymous client's responses are rewritten to carry a problem code and a highlight field this release
// does not send, as a later release may: the client must still read them.
using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace MyApp.Content;

public static class NSwagUnknownValuesFlow
{
    public static async Task RunAsync(HttpClient writer, HttpClient rewritten, string marker)
    {
        var client = new ContentClient(writer.BaseAddress!.ToString(), writer);
        var author = await client.CreateAuthorAsync(body: new AuthorRequest { Name = $"未知值 {marker}" });
        var created = await client.CreateArticleAsync(body: new ArticleRequest
        {
            Title = $"未來的欄位{marker}",
            Body = "正文。",
            Language = "zh-Hant",
            AuthorIds = new[] { author.Id },
            Status = ArticleStatus.Published,
        });

        var reader = new ContentClient(rewritten.BaseAddress!.ToString(), rewritten);
        try
        {
            await reader.GetArticleAsync(created.Id + 1_000_000);
            throw new InvalidOperationException("Expected a 404.");
        }
        catch (ApiException<ProblemDetails> problem)
        {
            Check(problem.StatusCode == 404 && problem.Result.Code.ToString() == "article_archived", $"the problem's code is read, not {problem.Result.Code}");
            Check(!string.IsNullOrEmpty(problem.Result.TraceId) && !string.IsNullOrEmpty(problem.Result.Detail), "the problem's other members are read");
        }

        var found = await reader.SearchArticlesAsync(q: $"未來的欄位{marker}");
        var hit = found.Items.Single(h => h.Id == created.Id);
        Check(hit.Highlights.Any(h => h.Field.ToString() == "comments"), "a highlight's field is read");
    }

    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException("Does not hold: " + what);
        }
    }
}
