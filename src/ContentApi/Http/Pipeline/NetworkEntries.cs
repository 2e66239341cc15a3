using System.Net;
using System.Net.Sockets;
using IPNetwork = System.Net.IPNetwork;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// Settings that list addresses ("10.0.0.5", "::1") and networks ("10.0.0.0/8"): <c>Proxies:Trusted</c>,
/// <c>Observability:MetricsAllowedNetworks</c>.
/// </summary>
public static class NetworkEntries
{
    public static bool IsValid(string entry) => IPNetwork.TryParse(entry, out _) || IsPlainAddress(entry);

    /// <summary>The network an entry names (an address is a network of one); the entry must be <see cref="IsValid"/>.</summary>
    public static IPNetwork Parse(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network : NetworkOfOne(IPAddress.Parse(entry));

    /// <summary>Whether one of <paramref name="networks"/> holds the address, an IPv4-mapped IPv6 one taken as that IPv4.</summary>
    public static bool AnyContains(IEnumerable<IPNetwork> networks, IPAddress address)
    {
        var plain = Plain(address);
        return networks.Any(network => network.Contains(plain));
    }

    /// <summary>The address as its family writes it: an IPv4-mapped IPv6 one (a dual-stack socket's) as that IPv4.</summary>
    public static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>An address written out: IPAddress also takes shorthands ("10" is 0.0.0.10) and scoped IPv6 ("fe80::1%eth0").</summary>
    private static bool IsPlainAddress(string entry) =>
        IPAddress.TryParse(entry, out var address) && !entry.Contains('%') &&
        (address.AddressFamily != AddressFamily.InterNetwork || entry.Count(c => c == '.') == 3);

    private static IPNetwork NetworkOfOne(IPAddress address) =>
        new(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
}
