using ContentApi.Http.Lists;
using ContentApi.Search;
using Microsoft.AspNetCore.Http;

namespace ContentApi.UnitTests.Search;

public sealed class SearchPagesTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(20, 50)]
    [InlineData(30, 34)]   // results 991-1,000 on page 34
    [InlineData(100, 10)]
    public void The_deepest_page_holds_the_1000th_result(int limit, int page) => Assert.Equal(page, SearchPages.MaxPage(limit));

    /// <summary>5,000 hits at limit=20: pages reach the 1,000th, on page 50, which the last link names (it gave none, past page 10).</summary>
    [Theory]
    [InlineData(5000, "page=50")]
    [InlineData(990, "page=50")]
    [InlineData(981, "page=50")]
    [InlineData(980, "page=49")]
    public void Last_link_names_the_page_of_the_last_result_within_the_first_1000(long total, string lastPage)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/v1/search";
        context.Request.QueryString = new QueryString("?q=the&limit=20&page=11");

        var links = LinkHeader.For(context.Request, SearchPages.Info(20, "next", total));

        Assert.Contains($"</api/v1/search?q=the&limit=20&{lastPage}>; rel=\"last\"", links, StringComparison.Ordinal);
    }
}
