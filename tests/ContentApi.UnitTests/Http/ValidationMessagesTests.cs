using System.Globalization;
using ContentApi.Articles;
using ContentApi.Http.Binding;
using ContentApi.Http.Pipeline;

namespace ContentApi.UnitTests.Http;

public sealed class ValidationMessagesTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("zh-TW")]
    public void Built_in_rules_speak_the_API_s_English_without_naming_the_CSharp_property(string uiCulture)
    {
        ValidationMessages.Use();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(uiCulture);
        try
        {
            var result = new ArticleRequestValidator().Validate(new ArticleRequest("", "body", "", [0], TagIds: [3, -1]));
            var messages = result.ToErrors();
            Assert.Equal(["Must not be empty."], messages["title"]);
            Assert.Equal(["Must not be empty."], messages["language"]);
            Assert.Equal(["Must be greater than 0."], messages["authorIds[0]"]);
            Assert.Equal(["Must be greater than 0."], messages["tagIds[1]"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
