using ContentApi.Http.Errors;

namespace ContentApi.UnitTests.Http;

public sealed class ValidationDetailTests
{
    [Fact]
    public void The_detail_names_the_first_error_and_counts_the_others() =>
        Assert.Equal("title: Must not be empty. (2 more in errors.)", Problems.ValidationDetail(new Dictionary<string, string[]>
        {
            ["title"] = ["Must not be empty."],
            ["slug"] = ["Too long.", "Not a slug."],
        }));

    [Fact]
    public void A_single_error_is_the_whole_detail() =>
        Assert.Equal("include: 'none' asks for no embeds, so it stands alone.",
            Problems.ValidationDetail(new Dictionary<string, string[]> { ["include"] = ["'none' asks for no embeds, so it stands alone."] }));

    [Theory]
    [InlineData("$")]
    [InlineData("")]
    public void An_error_of_the_whole_body_is_not_prefixed(string key) =>
        Assert.Equal("Send one JSON object.", Problems.ValidationDetail(new Dictionary<string, string[]> { [key] = ["Send one JSON object."] }));

    [Fact]
    public void No_error_message_still_gives_a_detail() =>
        Assert.Equal("The request is invalid.", Problems.ValidationDetail(new Dictionary<string, string[]> { ["x"] = [] }));
}
