using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The real server in its own process, killed with SIGKILL at random moments while several clients write,
/// and restarted each time. Every write it acknowledged must still be there as acknowledged, nothing may
/// be half-written (an article without its authors), and SQLite must find the file intact.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 10;
    private const int Writers = 4;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProgressTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "contentapi-crash", Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> _servers = [];

    private string DatabasePath => Path.Combine(_directory, "content.db");

    [Fact]
    public async Task Killing_the_server_during_writes_loses_no_acknowledged_write_and_leaves_the_file_consistent()
    {
        Directory.CreateDirectory(_directory);
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var key = await CreateWriteKeyAsync();
        var ledger = new Ledger();
        var live = new LiveServer();

        var server = await StartServerAsync(key);
        live.Client = server.Client;
        var sharedAuthor = await server.Client.PostAsJsonAsync("/api/v1/authors", new { name = "Shared author" }, HttpAssertions.Json);
        var sharedAuthorId = (await sharedAuthor.AssertJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
        ledger.Authors[sharedAuthorId] = "Shared author";

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteUntilStoppedAsync(w, sharedAuthorId, live, ledger, stop.Token))).ToList();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Let some writes be acknowledged in this life of the server, then kill it at a random moment.
            await WaitForProgressAsync(ledger, random.Next(1, 10), writers);
            await Task.Delay(random.Next(0, 60));
            live.Client = null;
            server.Kill();
            output.WriteLine($"kill {kill + 1}: {ledger.Acknowledged} writes acknowledged so far");
            server = await StartServerAsync(key);
            live.Client = server.Client;
        }
        // The kills may each have come after authors only (each writer creates its author first): write on until there
        // are enough articles to check, however slow the machine.
        await WaitUntilAsync(ledger, () => ledger.Articles.Count >= Kills, writers);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        live.Client = null;
        server.Kill();

        Assert.Empty(ledger.Unexpected);
        output.WriteLine($"{ledger.Articles.Count} articles and {ledger.Authors.Count} authors acknowledged; {ledger.InFlight.Count} updates lost with their response");
        Assert.True(ledger.Articles.Count >= Kills, "too few acknowledged writes to mean anything");
        await VerifyAsync(ledger);
    }

    /// <summary>One client: create an author, an article by it and the shared author, then edit the article a few times.</summary>
    private static async Task WriteUntilStoppedAsync(int writer, long sharedAuthorId, LiveServer live, Ledger ledger, CancellationToken stop)
    {
        for (var cycle = 0; !stop.IsCancellationRequested; cycle++)
        {
            if (live.Client is not { } client)
            {
                await Task.Delay(10, CancellationToken.None);
                continue;
            }
            long? articleId = null;
            (string Title, long[] AuthorIds)? attempt = null;
            try
            {
                var authorName = $"w{writer} author {cycle}";
                var author = await client.PostAsJsonAsync("/api/v1/authors", new { name = authorName }, HttpAssertions.Json, CancellationToken.None);
                var authorId = (await ledger.AcknowledgedAsync(author, HttpStatusCode.Created))?["id"]!.GetValue<long>();
                if (authorId is null)
                {
                    continue;
                }
                ledger.Authors[authorId.Value] = authorName;

                long[] authorIds = [authorId.Value, sharedAuthorId];
                attempt = ($"w{writer} article {cycle} rev 0", authorIds);
                var created = await client.PostAsJsonAsync("/api/v1/articles", new
                {
                    title = attempt.Value.Title, body = $"Body of {attempt.Value.Title}", language = "en", authorIds, status = "published",
                }, HttpAssertions.Json, CancellationToken.None);
                var article = await ledger.AcknowledgedAsync(created, HttpStatusCode.Created);
                attempt = null;
                if (article is null)
                {
                    continue;
                }
                articleId = article["id"]!.GetValue<long>();
                ledger.Articles[articleId.Value] = new(1, article["title"]!.GetValue<string>(), authorIds);
                var etag = created.Headers.ETag!;

                for (var revision = 1; revision <= 3 && !stop.IsCancellationRequested; revision++)
                {
                    // Each edit also swaps the author order, so a half-applied link replacement would show.
                    authorIds = [authorIds[1], authorIds[0]];
                    attempt = ($"w{writer} article {cycle} rev {revision}", authorIds);
                    using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/articles/{articleId}")
                    {
                        Content = HttpAssertions.RawJson(JsonSerializer.Serialize(new { title = attempt.Value.Title, authorIds }), "application/merge-patch+json"),
                    };
                    patch.Headers.IfMatch.Add(etag);
                    var patched = await client.SendAsync(patch, CancellationToken.None);
                    var body = await ledger.AcknowledgedAsync(patched, HttpStatusCode.OK);
                    attempt = null;
                    if (body is null)
                    {
                        break;
                    }
                    ledger.Articles[articleId.Value] = new(body["version"]!.GetValue<long>(), body["title"]!.GetValue<string>(), authorIds);
                    etag = patched.Headers.ETag!;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                // The server died under this request: its outcome is unknown. An edit may or may not have
                // landed; remember what it would have written, and leave that article alone from now on.
                if (articleId is { } id && attempt is { } lost)
                {
                    ledger.InFlight[id] = lost;
                }
                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    private async Task VerifyAsync(Ledger ledger)
    {
        var landed = 0;
        using var db = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await db.OpenAsync();
        Assert.Equal(["ok"], await db.QueryAsync<string>("PRAGMA integrity_check"));
        Assert.Empty(await db.QueryAsync("PRAGMA foreign_key_check"));
        Assert.Empty(await db.QueryAsync<long>("SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id)"));

        foreach (var (id, name) in ledger.Authors)
        {
            Assert.Equal(name, await db.ExecuteScalarAsync<string?>("SELECT name FROM authors WHERE id = @id", new { id }));
        }
        foreach (var (id, acknowledged) in ledger.Articles)
        {
            var row = await db.QuerySingleOrDefaultAsync<(long Version, string Title)>("SELECT version AS Version, title AS Title FROM articles WHERE id = @id", new { id });
            Assert.True(row != default, $"acknowledged article {id} is gone");
            var authorIds = (await db.QueryAsync<long>("SELECT author_id FROM article_authors WHERE article_id = @id ORDER BY position", new { id })).ToArray();
            if (row.Version == acknowledged.Version)
            {
                Assert.Equal(acknowledged.Title, row.Title);
                Assert.Equal(acknowledged.AuthorIds, authorIds);
            }
            else
            {
                // Only the one edit whose response was lost may have landed after the acknowledged version.
                Assert.True(ledger.InFlight.TryGetValue(id, out var lost), $"article {id} is at version {row.Version}, acknowledged {acknowledged.Version}");
                Assert.Equal(acknowledged.Version + 1, row.Version);
                Assert.Equal(lost.Title, row.Title);
                Assert.Equal(lost.AuthorIds, authorIds);
                landed++;
            }
        }
        output.WriteLine($"{landed} of the edits whose response was lost had landed");
    }

    private static Task WaitForProgressAsync(Ledger ledger, int writes, List<Task> writers)
    {
        var target = ledger.Acknowledged + writes;
        return WaitUntilAsync(ledger, () => ledger.Acknowledged >= target, writers);
    }

    /// <summary>Waits while writes go on being acknowledged, until <paramref name="done"/>; fails when they stop.</summary>
    private static async Task WaitUntilAsync(Ledger ledger, Func<bool> done, List<Task> writers)
    {
        var (deadline, acknowledged) = (Stopwatch.StartNew(), ledger.Acknowledged);
        while (!done())
        {
            if (ledger.Acknowledged != acknowledged)
            {
                (deadline, acknowledged) = (Stopwatch.StartNew(), ledger.Acknowledged);
            }
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }
            Assert.True(deadline.Elapsed < ProgressTimeout, $"no progress: {ledger.Acknowledged} writes, unexpected: {string.Join(" | ", ledger.Unexpected)}");
            await Task.Delay(5);
        }
    }

    private async Task<string> CreateWriteKeyAsync()
    {
        var created = await AppProcess.RunAsync(DatabasePath, ["keys", "create", "--name", "crash-writer", "--scope", "write"]);
        Assert.True(created.ExitCode == 0, $"keys create failed: {created}");
        return created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>
    /// The server on a port that was free a moment before it started: another process can take the port meanwhile (an
    /// outgoing connection's ephemeral port), and then the server stops, saying so, and is started on another.
    /// </summary>
    private async Task<ServerProcess> StartServerAsync(string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = AppProcess.FreePort();
            var server = new ServerProcess(Process.Start(StartInfo("--urls", $"http://127.0.0.1:{port}"))!, new Uri($"http://127.0.0.1:{port}"), key);
            _servers.Add(server);
            if (await ReadyAsync(server))
            {
                return server;
            }
            server.Process.WaitForExit(); // until its output is read whole
            Assert.True(attempt < 3 && server.Output.Contains("address already in use", StringComparison.Ordinal), $"the server exited during start: {server.Output}");
            output.WriteLine($"port {port} was taken before the server bound it; starting it on another");
        }
    }

    /// <summary>Whether the server got ready; false when it exited during start.</summary>
    private static async Task<bool> ReadyAsync(ServerProcess server)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (server.Process.HasExited)
            {
                return false;
            }
            Assert.True(started.Elapsed < StartTimeout, $"the server did not get ready: {server.Output}");
            // A process that took the port may listen on it and never answer: each look is short.
            using var look = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                if ((await server.Client.GetAsync("/health/ready", look.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || look.IsCancellationRequested)
            {
                // Not listening yet, or not the server listening.
            }
            await Task.Delay(50);
        }
    }

    private ProcessStartInfo StartInfo(params string[] arguments) => AppProcess.StartInfo(DatabasePath, arguments, new Dictionary<string, string>
    {
        ["RateLimiting__Enabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
    });

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Kill();
            server.Dispose();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    /// <summary>The server the writers should talk to; null while it is down.</summary>
    private sealed class LiveServer
    {
        private volatile HttpClient? _client;

        public HttpClient? Client { get => _client; set => _client = value; }
    }

    private sealed record Acknowledged(long Version, string Title, long[] AuthorIds);

    /// <summary>What the server acknowledged (a 2xx whose body arrived whole), and the edits whose outcome is unknown.</summary>
    private sealed class Ledger
    {
        private int _acknowledged;

        public ConcurrentDictionary<long, string> Authors { get; } = new();
        public ConcurrentDictionary<long, Acknowledged> Articles { get; } = new();
        public ConcurrentDictionary<long, (string Title, long[] AuthorIds)> InFlight { get; } = new();
        public ConcurrentQueue<string> Unexpected { get; } = new();
        public int Acknowledged => Volatile.Read(ref _acknowledged);

        /// <summary>The body of an acknowledged write; null (and noted) for any other answer.</summary>
        public async Task<JsonObject?> AcknowledgedAsync(HttpResponseMessage response, HttpStatusCode expected)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                Unexpected.Enqueue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {text}");
                return null;
            }
            Interlocked.Increment(ref _acknowledged);
            return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>A server process this test started, its client, and the tail of its output for diagnostics.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly ConcurrentQueue<string> _output = new();

        public ServerProcess(Process process, Uri address, string key)
        {
            Process = process;
            Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }
        public HttpClient Client { get; }
        public string Output => string.Join('\n', _output);

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            _output.Enqueue(line);
            while (_output.Count > 50 && _output.TryDequeue(out _))
            {
            }
        }

        /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
        public void Kill()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            Process.Dispose();
        }
    }
}
