using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// The proxies (a CDN, a load balancer, nginx) whose X-Forwarded-For and X-Forwarded-Proto the app believes. Bound from
/// the "Proxies" section. Behind a proxy every request comes from the proxy's address, so without this the
/// anonymous rate limit and the failed-key lockout counted all visitors as one: one client sending requests that
/// miss the CDN's cache got every visitor 429 (found by a probe through nginx's proxy_cache).
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxies";

    /// <summary>
    /// Addresses ("10.0.0.5", "::1") and networks ("10.0.0.0/8") of the proxies in front of the app. Empty (the
    /// default): forwarding headers are ignored, since anyone can send them.
    /// </summary>
    public string[] Trusted { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Trusted.Select(Problem).OfType<string>().Select(problem => new ValidationResult(problem, [nameof(Trusted)]));

    private static string? Problem(string entry) =>
        !NetworkEntries.IsValid(entry)
            ? $"Proxies:Trusted holds '{entry}', which is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8)."
            : IsWholeInternet(NetworkEntries.Parse(entry))
                ? $"Proxies:Trusted holds '{entry}', which holds much of the internet: any client could choose its own address " +
                  "with X-Forwarded-For and escape the rate limits. List your proxies' addresses or networks (10.0.0.0/8, a CDN's published ranges)."
                : null;

    /// <summary>
    /// Wider than the widest private network of its family (IPv4 10.0.0.0/8, IPv6 fc00::/7; an IPv4-mapped network
    /// counted as the IPv4 one it maps): such a list names no proxy but the whole internet.
    /// </summary>
    private static bool IsWholeInternet(IPNetwork network)
    {
        var ipv4MappedPrefix = network.BaseAddress.IsIPv4MappedToIPv6 ? network.PrefixLength - 96 : (int?)null;
        return network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? network.PrefixLength < 8
            : ipv4MappedPrefix is { } mapped ? mapped < 8 : network.PrefixLength < 7;
    }

    /// <summary>The networks the entries name (an address is a network of one).</summary>
    public IEnumerable<IPNetwork> Networks() => Trusted.Select(NetworkEntries.Parse);
}

public static class ProxySetup
{
    public static IServiceCollection AddContentApiProxies(this IServiceCollection services)
    {
        services.AddSettings<ProxyOptions>(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // None without listed proxies: the host also runs this middleware, with these options, when
            // ASPNETCORE_FORWARDEDHEADERS_ENABLED is set, and with no known proxy it would believe any chain.
            forwarded.ForwardedHeaders = proxies.Value.Trusted.Length > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            // Only the listed proxies: the defaults trust loopback, where any local process could claim any address.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxies.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            // Through a chain of listed proxies (a CDN, then nginx) to the first address that is none of them.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that logs, rate limits and the failed-key lockout see the visitor's address.</summary>
    public static void UseContentApiProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Trusted.Length > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
