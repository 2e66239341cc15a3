using ContentApi.Data;
using ContentApi.Http.Errors;

namespace ContentApi.UnitTests.Http;

/// <summary>A write that reaches a server after its database was closed (it is stopping) is a 503 to retry, not a 500.</summary>
public sealed class StoppingServerProblemTests
{
    [Fact]
    public void A_write_refused_by_a_closed_database_is_a_503_saying_the_server_is_stopping()
    {
        var (status, _, detail, errors) = KnownExceptionHandler.Classify(new DatabaseClosedException());

        Assert.Equal(503, status);
        Assert.Equal(KnownExceptionHandler.StoppingDetail, detail);
        Assert.Null(errors);
    }
}
