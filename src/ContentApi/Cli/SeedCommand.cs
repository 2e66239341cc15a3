using System.CommandLine;
using System.Diagnostics;
using ContentApi.Data;
using ContentApi.Search;
using ContentApi.Seeding;
using Dapper;

namespace ContentApi.Cli;

/// <summary><c>seed --articles N [--seed S]</c>: realistic, deterministic demo content.</summary>
public static class SeedCommand
{
    public static Command Create(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to create.", Required = true };
        // A value that is no int at all gets the parser's own error; reading it here would throw.
        articles.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, out var count) && count is < 1 or > 10_000_000)
            {
                r.AddError("--articles must be between 1 and 10,000,000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same content.", DefaultValueFactory = _ => 1 };
        var command = new Command("seed", "Fill an empty database with demo articles in Traditional and Simplified Chinese and English, with authors, tags and credited images.")
        {
            articles, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CommandHost.StartMigratedAsync(cancellationToken, configure);
            var db = app.Services.GetRequiredService<Db>();
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles") > 0)
                {
                    await Console.Error.WriteLineAsync("The database already has articles; seed fills an empty one (use another ConnectionStrings__Content).");
                    return 1;
                }
            }
            var count = parse.GetValue(articles);
            // Publishing dates end at the start of today (UTC), so a seed is the same all day long.
            var now = new DateTimeOffset(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
            var generator = new SeedContentGenerator(parse.GetValue(seed), now);
            var writer = new SeedWriter(db);
            var started = Stopwatch.GetTimestamp();
            var (authorIds, tagIds) = await writer.EnsurePeopleAndTagsAsync(generator, now, cancellationToken);
            await writer.BeginBulkLoadAsync(cancellationToken);
            try
            {
                await ProgressReporter.RunAsync("Seeding articles", count, async report =>
                {
                    var done = 0L;
                    using var batches = generator.Generate(count).Chunk(SeedWriter.BatchSize).GetEnumerator();
                    // Generate and analyse the next batch while this one is written (one task at a time uses the enumerator).
                    var next = NextAsync();
                    try
                    {
                        while (await next is { } batch)
                        {
                            next = NextAsync();
                            await writer.WriteBatchAsync(batch, authorIds, tagIds, now, cancellationToken);
                            report(done += batch.Length);
                        }
                    }
                    finally
                    {
                        await Task.WhenAny(next); // a failed write must not dispose the enumerator under the next batch's task
                    }

                    Task<SeedWriter.PreparedArticle[]?> NextAsync() =>
                        Task.Run(() => batches.MoveNext() ? SeedWriter.Prepare(batches.Current, generator) : null, cancellationToken);
                }, output);
            }
            finally
            {
                await writer.EndBulkLoadAsync(CancellationToken.None);
            }
            await SearchIndex.OptimizeAsync(db, cancellationToken);
            await output.WriteLineAsync($"Seeded {count} articles, {authorIds.Length} authors and {tagIds.Length} tags in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
