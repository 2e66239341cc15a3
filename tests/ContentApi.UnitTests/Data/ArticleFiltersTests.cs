using ContentApi.Articles;

namespace ContentApi.UnitTests.Data;

public sealed class ArticleFiltersTests
{
    [Fact]
    public void The_visibility_cut_off_can_be_read_before_any_command_has_used_the_parameters()
    {
        var (_, parameters) = ArticleFilters.ToSql(new ArticleFilter(IncludeUnpublished: false), "2026-11-30T09:00:00.000Z");

        Assert.Contains("Now", parameters.ParameterNames);
        Assert.Equal("2026-11-30T09:00:00.000Z", parameters.Get<string>("Now"));
    }
}
