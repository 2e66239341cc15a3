using ContentApi.Articles;
using ContentApi.TestSupport;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The default order of every article list is read from an index, so a page costs the same at any size and depth: key
/// holders' lists sorted the whole table instead (0.5 s a page at 100,000 articles; found by a resource probe).
/// </summary>
public sealed class ListOrderIndexTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, bool> DefaultOrders => new()
    {
        { "", "", false },
        { "", "", true },
        { ArticleFilters.PublishedStatusCondition, "published", true },
        { ArticleFilters.StatusCondition, "draft", true },
    };

    [Theory]
    [MemberData(nameof(DefaultOrders))]
    public async Task The_default_article_order_is_an_index_order_on_the_first_and_on_later_pages(string statusFilter, string status, bool keyHolder)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/articles")).StatusCode); // migrated
        var sorts = keyHolder ? ArticleStore.PrivateSorts : ArticleStore.PublicSorts;
        Assert.True(sorts.TryParse(null, out var order));
        var visible = (keyHolder ? statusFilter : ArticleQueries.PubliclyVisible) is { Length: > 0 } where ? $"WHERE {where} " : "";
        var after = (visible.Length == 0 ? "WHERE " : "AND ") + order.After("a.id");
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");

        foreach (var page in new[] { $"{visible}ORDER BY {order.OrderBy("a.id")} LIMIT 21", $"{visible}{after} ORDER BY {order.OrderBy("a.id")} LIMIT 21" })
        {
            var plan = await connection.QueryPlanAsync($"SELECT a.id FROM articles a {page}",
                new { Now = "2030-01-01T00:00:00.000000Z", Status = status, CursorValue = "2026-01-01T00:00:00.000000Z", CursorId = 5 });
            Assert.DoesNotContain("TEMP B-TREE", plan);
            Assert.Matches("USING (COVERING )?INDEX", plan);
        }
        if (visible.Length > 0)
        {
            // The list's total, and every other sort, find the rows of that status in an index rather than scanning.
            var countPlan = await connection.QueryPlanAsync($"SELECT count(*) FROM articles a {visible}", new { Now = "2030-01-01T00:00:00.000000Z", Status = status });
            Assert.StartsWith("SEARCH", countPlan);
        }
    }
}
