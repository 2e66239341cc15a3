using ContentApi.Data;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The group-commit tests let the writer go once their writes are queued. A key's last use, recorded through the writer
/// once a minute when a request uses the key, was counted as one of them when a test class ran past a minute.
/// </summary>
public sealed class WriterHeldTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_wait_for_queued_writes_leaves_out_bookkeeping_queued_beside_them()
    {
        var db = factory.Services.GetRequiredService<Db>();
        Task<int> bookkeeping, content;
        await using (await WriterHeld.StartAsync(db))
        {
            bookkeeping = db.WriteAsync((_, _) => Task.FromResult(0), CancellationToken.None, changesContent: false);
            await Until(() => db.QueuedWrites == 1);

            var waiting = WriterHeld.UntilQueuedAsync(db, 1);
            Assert.False(waiting.IsCompleted, "the bookkeeping write was counted as the test's write");

            content = db.WriteAsync((_, _) => Task.FromResult(0), CancellationToken.None);
            await waiting;
            Assert.Equal(2, db.QueuedWrites);
        }
        await Task.WhenAll(bookkeeping, content);
    }

    private static async Task Until(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(10);
        }
    }
}
