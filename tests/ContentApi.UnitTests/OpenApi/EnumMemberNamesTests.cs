using ContentApi.OpenApi;

namespace ContentApi.UnitTests.OpenApi;

public sealed class EnumMemberNamesTests
{
    [Fact]
    public void Names_each_sort_by_its_field_and_direction()
    {
        Assert.Equal(
            ["PublishedAtAscending", "PublishedAtDescending", "TitleAscending", "TitleDescending"],
            EnumMemberNames.Of(["publishedAt", "-publishedAt", "title", "-title"]));
    }

    [Fact]
    public void Leaves_a_field_without_its_descending_form_unsuffixed()
    {
        Assert.Equal(["Relevance", "PublishedAtDescending"], EnumMemberNames.Of(["relevance", "-publishedAt"]));
    }

    [Fact]
    public void Gives_no_names_when_every_value_already_makes_one()
    {
        Assert.Null(EnumMemberNames.Of(["authors", "tags", "none"]));
    }
}
