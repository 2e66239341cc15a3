using ContentApi.Data;
using Dapper;

namespace ContentApi.Rendering;

/// <summary>
/// When this build's rendering first served the database (migration 0025): no response holding rendered HTML, a table
/// of contents or plain text has an earlier Last-Modified, so a client revalidating by If-Modified-Since alone after an
/// upgrade gets the new rendering. Recorded in the database, so every server of the build agrees and a restart does not
/// move it; each server reads it once, at its start (<see cref="EstablishAsync"/>).
/// </summary>
public sealed class RenderingFloor(Db db, TimeProvider clock, RenderingBuild build)
{
    private sealed record Recorded(string Build, string FirstServedAt);

    private const string ReadSql = "SELECT build AS Build, first_served_at AS FirstServedAt FROM rendering_build WHERE id = 1";

    // Another server of this build may have recorded it since the read: its date stands.
    private const string RecordSql = """
        INSERT INTO rendering_build (id, build, first_served_at) VALUES (1, @Build, @Now)
        ON CONFLICT (id) DO UPDATE SET build = excluded.build, first_served_at = excluded.first_served_at WHERE build <> excluded.build;
        SELECT first_served_at FROM rendering_build WHERE id = 1;
        """;

    private DateTimeOffset? _since;

    /// <summary>Records this build, from now, when the database names another (or none); usually one read and no write.</summary>
    public async Task EstablishAsync(CancellationToken cancellationToken)
    {
        Recorded? recorded;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            recorded = await connection.QuerySingleOrDefaultAsync<Recorded>(new CommandDefinition(ReadSql, cancellationToken: cancellationToken));
        }
        var since = recorded is not null && recorded.Build == build.Id
            ? recorded.FirstServedAt
            : await db.WriteRetryingBusyAsync(async (connection, transaction) => (await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                RecordSql, new { Build = build.Id, Now = Timestamps.ToDb(Timestamps.ServerNow(clock)) }, transaction, cancellationToken: cancellationToken)))!,
                cancellationToken, changesContent: false);
        _since = Timestamps.FromDb(since);
    }

    /// <summary>The Last-Modified of a response holding rendered output: <paramref name="lastModified"/>, or this build's start on the database when later.</summary>
    public DateTimeOffset NotBefore(DateTimeOffset lastModified) => _since is { } since && since > lastModified ? since : lastModified;
}
