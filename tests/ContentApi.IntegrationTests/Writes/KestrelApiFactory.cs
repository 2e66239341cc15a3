using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The app on a real Kestrel port (for raw-socket clients, and what the test server does not do: cut a body short,
/// frame it wrongly, hold a body to a rate).
/// </summary>
public class KestrelApiFactory : ApiFactory
{
    public Uri Address { get; }

    public KestrelApiFactory()
    {
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        ClientOptions.BaseAddress = Address;
    }
}
