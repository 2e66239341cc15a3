using ContentApi.TestSupport;

namespace ContentApi.BrowserTests;

/// <summary>The real app on Kestrel at a free port of the loopback interface, so that a browser can reach it.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>Where the server listens, "http://127.0.0.1:PORT/".</summary>
    public Uri Address => ClientOptions.BaseAddress;
}
