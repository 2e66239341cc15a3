using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ContentApi.TestSupport;

/// <summary>
/// Gives every request <paramref name="peer"/> as the connection's address, first in the pipeline: the test server
/// gives none of its own. Add it as an <see cref="IStartupFilter"/> singleton in a factory's ConfigureWebHost.
/// </summary>
public sealed class FromPeer(IPAddress peer) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            context.Connection.RemoteIpAddress = peer;
            return rest(context);
        });
        next(app);
    };
}
