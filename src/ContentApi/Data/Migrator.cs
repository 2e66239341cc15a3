using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace ContentApi.Data;

/// <summary>Applies the embedded, numbered SQL scripts in order and journals each one.</summary>
public sealed partial class Migrator(Db db, TimeProvider clock, ILogger<Migrator> logger)
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>The schema version before and after <see cref="MigrateAsync"/>.</summary>
    public sealed record Result(int Before, int After);

    /// <summary>Whether this process has brought the database to <see cref="LatestVersion"/> already.</summary>
    public bool HasMigrated { get; private set; }

    /// <summary>Whether this process created the database file (there was none at its path), empty, before migrating it.</summary>
    public bool CreatedDatabase { get; private set; }

    /// <summary>
    /// Brings the database to <see cref="LatestVersion"/>, creating it when there is none; throws
    /// <see cref="DatabaseFileException"/>, having changed nothing, for a file this build must not write (<see cref="DatabaseFile"/>).
    /// </summary>
    public async Task<Result> MigrateAsync(CancellationToken cancellationToken)
    {
        // Up to date, the usual case (every command checks, also beside a running server): found without the write lock.
        // Migrations are applied in order, in one transaction: the latest applied means all are.
        var creates = DatabaseFile.OnDiskPath(db.ConnectionString) is { } path && !File.Exists(path) && !Directory.Exists(path);
        var before = await DatabaseFile.CheckAsync(db.ConnectionString, cancellationToken);
        CreatedDatabase |= creates;
        if (before == LatestVersion)
        {
            HasMigrated = true;
            return new Result(before, before);
        }
        var after = await db.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(SqliteDialect.MigrationJournalDdl, transaction: transaction);
            var applied = (await connection.QueryAsync<int>(
                "SELECT version FROM schema_migrations", transaction: transaction)).ToHashSet();
            // A newer build may have migrated the file since it was checked (a newer server started meanwhile).
            if (applied.Count > 0 && applied.Max() > LatestVersion)
            {
                throw DatabaseFile.NewerSchema(DatabaseFile.PathOf(db.ConnectionString), applied.Max());
            }
            // Migrations that compute keys in C# (0026) call it as SQL functions, which exist on this connection only.
            FoldedKeys.RegisterFunctions(connection);
            foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
            {
                logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
                await MigrationColumns.AddMissingAsync(connection, transaction, migration.Version);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = Timestamps.ToDb(clock.GetUtcNow()) },
                    transaction);
            }
            return LatestVersion;
        }, cancellationToken, changesContent: false);
        HasMigrated = true;
        return new Result(before, after);
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await VersionOfAsync(connection);
    }

    /// <summary>The schema version of the database <paramref name="connection"/> is open on; 0 for one without migrations.</summary>
    public static async Task<int> VersionOfAsync(System.Data.Common.DbConnection connection)
    {
        return await connection.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = "schema_migrations" })
            ? await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations")
            : 0;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
