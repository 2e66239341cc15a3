using System.Net.Http.Headers;
using ContentApi.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.TestSupport;

/// <summary>
/// The real app over HTTP on its own temporary SQLite file. One per test class (IClassFixture);
/// tests create the data they need and never depend on each other's order.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "contentapi-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<ApiKeyScope, string> _keys = [];
    private readonly Lock _keysLock = new();

    /// <summary>The app's database; another instance's (<see cref="SecondInstance"/>) when overridden.</summary>
    public virtual string DatabasePath => Path.Combine(_directory, "content.db");

    /// <summary>Extra settings a test class needs (for example "Writes:RequireIfMatch" = "true").</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Content", $"Data Source={DatabasePath}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public HttpClient WithKey(ApiKeyScope scope)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key(scope));
        return client;
    }

    public HttpClient Writer() => WithKey(ApiKeyScope.Write);

    public HttpClient Reader() => WithKey(ApiKeyScope.Read);

    public string Key(ApiKeyScope scope)
    {
        _ = Services; // start the host, which migrates the database
        lock (_keysLock)
        {
            if (!_keys.TryGetValue(scope, out var key))
            {
                var store = Services.GetRequiredService<ApiKeyStore>();
                key = store.CreateAsync($"test-{scope}-{Guid.NewGuid():N}", scope, CancellationToken.None).GetAwaiter().GetResult();
                _keys[scope] = key;
            }
            return key;
        }
    }

    /// <summary>A direct connection to the app's database, for asserting what was (not) written.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; it is never reused.
        }
    }
}
