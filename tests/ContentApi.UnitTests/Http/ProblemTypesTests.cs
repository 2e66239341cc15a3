using ContentApi.Http.Errors;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// A problem's type names the section of the RFC that defines its status: a 408 (a body too slow) was typed as RFC
/// 9110's 400 Bad Request and a 501 (a transfer coding the server does not apply) as its 500, so a client that tells
/// problems apart by type (as RFC 9457 has them do) took a timeout worth retrying for a request not to repeat.
/// </summary>
public sealed class ProblemTypesTests
{
    [Theory]
    [InlineData(400, "rfc9110#section-15.5.1")]
    [InlineData(401, "rfc9110#section-15.5.2")]
    [InlineData(403, "rfc9110#section-15.5.4")]
    [InlineData(404, "rfc9110#section-15.5.5")]
    [InlineData(405, "rfc9110#section-15.5.6")]
    [InlineData(406, "rfc9110#section-15.5.7")]
    [InlineData(408, "rfc9110#section-15.5.9")]
    [InlineData(409, "rfc9110#section-15.5.10")]
    [InlineData(412, "rfc9110#section-15.5.13")]
    [InlineData(413, "rfc9110#section-15.5.14")]
    [InlineData(414, "rfc9110#section-15.5.15")]
    [InlineData(415, "rfc9110#section-15.5.16")]
    [InlineData(422, "rfc9110#section-15.5.21")]
    [InlineData(428, "rfc6585#section-3")]
    [InlineData(429, "rfc6585#section-4")]
    [InlineData(431, "rfc6585#section-5")]
    [InlineData(500, "rfc9110#section-15.6.1")]
    [InlineData(501, "rfc9110#section-15.6.2")]
    [InlineData(503, "rfc9110#section-15.6.4")]
    public void Every_status_the_api_answers_with_a_problem_is_typed_by_its_own_section(int status, string section) =>
        Assert.Equal("https://www.rfc-editor.org/rfc/" + section, ProblemTypes.ForStatus(status));
}
