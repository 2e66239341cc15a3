namespace ContentApi.Health;

/// <summary>
/// Marks the health probes and the metrics scrape: they answer whatever key a load balancer, an orchestrator or a
/// scraper sends (often a token meant for a proxy, no key of ours), and the failed-key limit never locks them out.
/// </summary>
public sealed class ProbeEndpoint
{
    public static ProbeEndpoint Instance { get; } = new();

    private ProbeEndpoint()
    {
    }
}
