using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// What fails in the writer once a transaction has committed (closing its connection, telling the app content was
/// written) leaves the writes stored; the operator still needs what failed, with its stack and inner exception.
/// </summary>
public sealed class FailureAfterCommitLogTests
{
    [Fact]
    public async Task A_failure_after_the_commit_is_logged_with_its_exception_and_the_write_stands()
    {
        using var factory = new LoggedApiFactory();
        var writer = factory.Writer();
        var failure = new InvalidOperationException("after the commit");
        var db = factory.Services.GetRequiredService<Db>();
        db.ContentWritten += () => throw failure;

        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "Stored" })).AssertJsonAsync(HttpStatusCode.Created);

        var logged = Assert.Single(factory.Logs, log => log.Exception == failure);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal(typeof(Db).FullName, logged.Category);
    }
}
