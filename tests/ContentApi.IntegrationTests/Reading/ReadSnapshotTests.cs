using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>A read's statements see one state of the database, whatever commits between them.</summary>
public sealed class ReadSnapshotTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CountSql = "SELECT count(*) FROM tags WHERE name LIKE @Prefix";

    [Fact]
    public async Task Statements_of_one_read_see_the_state_of_its_first_even_after_a_write_commits()
    {
        var db = factory.Services.GetRequiredService<Db>();
        var prefix = $"Snapshot {Guid.NewGuid():N}";
        var content = new TestContent(factory.Writer());
        await content.TagAsync($"{prefix} 1");

        await using (var read = await db.OpenSnapshotAsync(CancellationToken.None))
        {
            Assert.Equal(1, await CountAsync(read, prefix));
            await content.TagAsync($"{prefix} 2");
            Assert.Equal(1, await CountAsync(read, prefix));
        }

        // The next read, on the same pooled connection or another, sees the write: no snapshot outlives its read.
        for (var i = 0; i < 3; i++)
        {
            await using var next = await db.OpenSnapshotAsync(CancellationToken.None);
            Assert.Equal(2, await CountAsync(next, prefix));
        }
        await using var plain = await db.OpenAsync(CancellationToken.None);
        Assert.Equal(2, await CountAsync(plain, prefix));
    }

    private static Task<long> CountAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string prefix) =>
        connection.ExecuteScalarAsync<long>(CountSql, new { Prefix = prefix + "%" });
}
