using System.CommandLine;
using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Search;
using Dapper;

namespace ContentApi.Cli;

/// <summary><c>migrate</c> and <c>reindex</c>.</summary>
public static class MaintenanceCommands
{
    public static Command Migrate(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var command = new Command("migrate", "Apply pending schema migrations and print the schema version.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = CommandHost.Build(configure);
            var (before, version) = await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            // An up-to-date schema wrote nothing: "(up to date)" and exit 0 on a file no write can reach.
            await DatabaseFile.EnsureWritableAsync(app.Services.GetRequiredService<Db>(), cancellationToken);
            // Which file: a misnamed setting leaves the default one, which the server may not be reading.
            var path = DatabaseFile.PathOf(app.Services.GetRequiredService<Db>().ConnectionString);
            await output.WriteLineAsync(before == version ? $"{path}: schema version {version} (up to date)" : $"{path}: schema version {version} (was {before})");
            if (await ReindexAdvice.LineAsync(app.Services.GetRequiredService<Db>(), cancellationToken) is { } advice)
            {
                await Console.Error.WriteLineAsync(advice);
            }
            return 0;
        });
        return command;
    }

    public static Command Reindex(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var clear = new Option<bool>("--clear")
        {
            Description = "Empty the index first, to repair a damaged one; until it finishes, searches find only the articles reindexed so far.",
        };
        var command = new Command(
            "reindex", "Rebuild what is derived from the articles (after an upgrade, or to repair it): excerpts, counts and reading times under this build's rules, then the full-text search index; a running server keeps serving complete search results meanwhile.")
        {
            clear,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CommandHost.StartExistingAsync(cancellationToken, configure, writes: true) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            var db = app.Services.GetRequiredService<Db>();
            long[] ids;
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                ids = [.. await connection.QueryAsync<long>(SearchIndexRebuild.ArticleIdsSql)];
            }
            var rederived = 0;
            await ProgressReporter.RunAsync("Refreshing excerpts and counts", ids.Length, async report =>
                rederived = await DerivedTextRefresh.RefreshAsync(db, app.Services.GetRequiredService<TimeProvider>(), ids, report, cancellationToken), output);
            var orphans = 0;
            var reindexed = 0L; // with --clear, the articles there are as it clears, which may be more than listed above
            try
            {
                await ProgressReporter.RunAsync("Reindexing articles", ids.Length, async report =>
                    orphans = await SearchIndexRebuild.ReindexAsync(db, ids, parse.GetValue(clear), done => report(reindexed = done), cancellationToken), output);
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception) when (!parse.GetValue(clear) && SearchIndexRebuild.IsDamagedIndex(exception))
            {
                // Rebuilding in place reads the old entries, which the damage makes unreadable; what was reindexed so far stays.
                await Console.Error.WriteLineAsync(
                    $"The search index is damaged, so it cannot be rebuilt in place: run `{SearchIndexRebuild.RepairCommand}` to rebuild it from empty.");
                return 1;
            }
            await SearchAnalysis.RecordAsync(db, onlyWithoutArticles: false, cancellationToken);
            var removed = orphans switch { 0 => "", 1 => " and removed 1 index entry of deleted articles", _ => $" and removed {orphans} index entries of deleted articles" };
            await output.WriteLineAsync($"Derived excerpts and counts refreshed: {rederived}.");
            await output.WriteLineAsync($"Reindexed {reindexed} articles{removed}.");
            return 0;
        });
        return command;
    }
}
