using ContentApi.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// A request Kestrel could not read (a chunked body framed wrongly) is a 400 for what the client sent, so it carries
/// errors, under the document's path; its other refusals (408 for a body sent too slowly) are not validation problems.
/// </summary>
public sealed class UnreadableRequestProblemTests
{
    [Fact]
    public void A_body_Kestrel_could_not_read_is_a_400_with_errors_on_the_document()
    {
        var (status, _, detail, errors) = KnownExceptionHandler.Classify(new BadHttpRequestException("Bad chunk size data.", 400));

        Assert.Equal(400, status);
        Assert.Equal("The request could not be read.", detail);
        Assert.Equal(["$"], errors!.Keys);
    }

    [Fact]
    public void A_body_sent_too_slowly_stays_a_408_without_errors()
    {
        var (status, _, _, errors) = KnownExceptionHandler.Classify(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408));

        Assert.Equal(408, status);
        Assert.Null(errors);
    }
}
