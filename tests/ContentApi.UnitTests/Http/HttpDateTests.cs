using ContentApi.Http.Caching;
using Microsoft.Extensions.Primitives;

namespace ContentApi.UnitTests.Http;

public sealed class HttpDateTests
{
    private static readonly DateTimeOffset Example = new(1994, 11, 6, 8, 49, 37, TimeSpan.Zero);

    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sunday, 06-Nov-94 08:49:37 GMT")]
    [InlineData("Sun Nov  6 08:49:37 1994")]
    public void The_three_forms_of_HTTP_date_are_read(string value)
    {
        Assert.Equal(Example, HttpDate.ParseHeader(value));
    }

    [Fact]
    public void Asctime_reads_two_digit_days()
    {
        Assert.Equal(Example.AddDays(10), HttpDate.ParseHeader("Wed Nov 16 08:49:37 1994"));
    }

    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 +0200")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 UTC")]
    [InlineData("Sun, 6 Nov 1994 08:49:37 GMT")]
    [InlineData("06 Nov 1994 08:49:37 GMT")]
    [InlineData("1994-11-06T08:49:37Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Anything_else_is_not_a_date(string value)
    {
        Assert.Null(HttpDate.ParseHeader(value));
    }

    [Fact]
    public void Two_header_lines_are_not_a_date()
    {
        Assert.Null(HttpDate.ParseHeader(new StringValues(["Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT"])));
        Assert.Null(HttpDate.ParseHeader(StringValues.Empty));
    }
}
