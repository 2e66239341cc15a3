using ContentApi.Http.Binding;

namespace ContentApi.UnitTests.Http;

public sealed class QueryUtf8Tests
{
    [Theory]
    [InlineData("?q=%FF", "q")]
    [InlineData("?q=%E6%A8%A1%E5%9E%8B%E5", "q")]
    [InlineData("?limit=2&author=%ED%A0%80", "author")]
    [InlineData("?q=%C0%AF", "q")]
    [InlineData("?%FF=1", "%FF")]
    public void A_value_whose_bytes_are_not_UTF_8_is_named(string query, string name) =>
        Assert.Equal([name], QueryUtf8.ParametersNotUtf8(query));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?q=%E6%A8%A1%E5%9E%8B&limit=5")]
    [InlineData("?q=caf%C3%A9+au+lait")]
    [InlineData("?q=%F0%A0%AE%B7")]
    [InlineData("?q=100%")]
    [InlineData("?q=%G1")]
    [InlineData("?q=模型")]
    public void UTF_8_and_text_without_escapes_pass(string? query) => Assert.Empty(QueryUtf8.ParametersNotUtf8(query));
}
