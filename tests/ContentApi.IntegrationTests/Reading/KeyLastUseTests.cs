using System.Net;
using ContentApi.Data;
using ContentApi.IntegrationTests.Writes;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A read with a key records the key's last use through the writer. That bookkeeping once failed the read when the write
/// did (503 after a newer build migrated the database), held it up while the writer was busy (up to
/// Database:WriteQueueTimeoutSeconds), and was skipped in a second app in the same process (the record was static).
/// </summary>
public sealed class KeyLastUseTests
{
    /// <summary>Writes wait long for the writer here, so a read that waits with them is unmistakable.</summary>
    private sealed class PatientWritesFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:WriteQueueTimeoutSeconds"] = "30" };
    }

    [Fact]
    public async Task Key_holders_reads_while_the_writer_is_busy_answer_at_once_and_queue_one_record_of_the_use()
    {
        using var factory = new PatientWritesFactory();
        var reader = factory.Reader();
        var db = factory.Services.GetRequiredService<Db>();

        await using (await WriterHeld.StartAsync(db))
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => reader.GetAsync("/api/v1/tags"))).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.All(reads, read => Assert.Equal(HttpStatusCode.OK, read.StatusCode));
            Assert.Equal(1, db.QueuedWrites);
        }
        Assert.True(await LastUseRecordedAsync(factory), "the use is recorded once the writer is free");
    }

    [Fact]
    public async Task A_key_holders_read_after_a_newer_build_migrated_the_database_answers_200()
    {
        using var factory = new ApiFactory();
        var reader = factory.Reader();
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'from_a_newer_build', '2027-01-01T00:00:00Z')",
                new { Version = Migrator.LatestVersion + 1 });
        }

        var read = await reader.GetAsync("/api/v1/tags");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Two_apps_in_one_process_each_record_the_use_of_their_own_keys()
    {
        using var first = new ApiFactory();
        using var second = new ApiFactory();
        var (firstReader, secondReader) = (first.Reader(), second.Reader());
        // Each database's first key, so the same id in both.
        Assert.Equal(KeyIds(first), KeyIds(second));

        await firstReader.GetAsync("/api/v1/tags");
        Assert.True(await LastUseRecordedAsync(first));
        await secondReader.GetAsync("/api/v1/tags");

        Assert.True(await LastUseRecordedAsync(second), "the second app records its key's use although the first just recorded the same id's");
    }

    private static long[] KeyIds(ApiFactory factory)
    {
        using var connection = factory.OpenDatabase();
        return [.. connection.Query<long>("SELECT id FROM api_keys ORDER BY id")];
    }

    /// <summary>Whether a key's last use is in the database within a few seconds (it is written after the read answers).</summary>
    private static async Task<bool> LastUseRecordedAsync(ApiFactory factory)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using (var connection = factory.OpenDatabase())
            {
                if (await connection.ExecuteScalarAsync<bool>("SELECT count(*) > 0 FROM api_keys WHERE last_used_at IS NOT NULL"))
                {
                    return true;
                }
            }
            await Task.Delay(100);
        }
        return false;
    }
}
