using ContentApi.Articles;
using ContentApi.Http.Pipeline;

namespace ContentApi.UnitTests.Articles;

public sealed class ArticleRequestValidatorTests
{
    /// <summary>The repeat is named at its own position, so a form can mark the entry to remove, not the whole list.</summary>
    [Fact]
    public void A_repeated_id_is_an_error_at_its_position_in_the_list()
    {
        var errors = new ArticleRequestValidator().Validate(new ArticleRequest("標題", "正文", "zh-Hant", [1, 1, 2], TagIds: [5, 6, 5, 5], ImageIds: [9, 9])).ToErrors();

        Assert.Equal(["Repeats author 1: each author may appear once."], errors["authorIds[1]"]);
        Assert.Equal(["Repeats tag 5: each tag may appear once."], errors["tagIds[2]"]);
        Assert.Equal(["Repeats tag 5: each tag may appear once."], errors["tagIds[3]"]);
        Assert.Equal(["Repeats image 9: each image may appear once."], errors["imageIds[1]"]);
        Assert.Equal(["authorIds[1]", "imageIds[1]", "tagIds[2]", "tagIds[3]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
