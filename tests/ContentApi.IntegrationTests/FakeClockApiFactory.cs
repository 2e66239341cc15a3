using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.IntegrationTests;

/// <summary>The real app on a clock that only the test moves (it starts at the real time).</summary>
public class FakeClockApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Another instance of the app on the database and the clock of <paramref name="first"/>, as a second server on the same host.</summary>
public sealed class SecondInstanceOnClock(FakeClockApiFactory first) : ApiFactory
{
    public override string DatabasePath => first.DatabasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(first.Clock));
    }
}
