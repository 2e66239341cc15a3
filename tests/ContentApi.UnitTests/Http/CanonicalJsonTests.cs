using System.Text;
using ContentApi.Http.Json;

namespace ContentApi.UnitTests.Http;

public sealed class CanonicalJsonTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Of(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"b":1,"a":[true,null,{"y":"z","x":2}]}""", """{ "a" : [ true , null , { "x" : 2 , "y" : "z" } ] , "b" : 1 }""")]
    [InlineData("""{"name":"標籤"}""", """{"name":"\u6a19\u7c64"}""")]
    [InlineData("""{"t":"a\"b"}""", """{"t":"a\u0022b"}""")]
    public void The_same_JSON_spelled_otherwise_is_one_text(string a, string b) => Assert.Equal(Canonical(a), Canonical(b));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    [InlineData("""{"a":"x"}""", """{"a":"X"}""")]
    [InlineData("""{"a":null}""", """{}""")]
    public void Different_JSON_stays_different(string a, string b) => Assert.NotEqual(Canonical(a), Canonical(b));

    [Theory]
    [InlineData("""{"a":""")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"name":"a","name":"b"}""")]
    [InlineData("""{"a":{"x":1,"x":2}}""")]
    [InlineData("""{"name":"lone \ud800"}""")]
    public void Text_that_is_not_JSON_stays_as_it_is(string text) => Assert.Equal(text, Canonical(text));
}
