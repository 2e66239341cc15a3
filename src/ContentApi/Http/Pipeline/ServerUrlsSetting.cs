namespace ContentApi.Http.Pipeline;

/// <summary>
/// The addresses the server listens on (<c>urls</c>: ASPNETCORE_URLS or <c>--urls</c>; <c>Kestrel:Endpoints:NAME:Url</c>),
/// checked with the other settings. Kestrel takes a URL whose host or port it cannot read ("http://127.0.0.1:5411x")
/// for a host name, and listens on every address of the machine, on port 80: a typo exposed the API.
/// </summary>
public static class ServerUrlsSetting
{
    /// <summary>What is wrong with the configured addresses, in one line naming the setting; null when they can be used.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var given = Split(configuration["urls"])
            .Select(url => ("urls (ASPNETCORE_URLS or --urls)", url))
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Where(endpoint => endpoint["Url"] is not null)
                .Select(endpoint => ($"Kestrel:Endpoints:{endpoint.Key}:Url", endpoint["Url"]!.Trim()))).ToList();
        foreach (var (setting, url) in given)
        {
            if (!IsUrl(url))
            {
                return $"{setting}: '{url}' is not an address to listen on, such as http://127.0.0.1:5000 or http://*:8080.";
            }
        }
        // ASPNETCORE_HTTP_PORTS and _HTTPS_PORTS (the Dockerfile's) become http://*:PORT unchecked: "8080x" is port 80 too.
        // Only when Kestrel reads them: addresses given otherwise override them.
        string[] portSettings = given.Count > 0 ? [] : ["http_ports", "https_ports"];
        foreach (var key in portSettings)
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ushort.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return $"{key} (ASPNETCORE_{key.ToUpperInvariant()}): '{port}' is not a port (0-65535; several are separated by ';').";
                }
            }
        }
        return null;
    }

    private static bool IsUrl(string url) =>
        TryRead(url, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0 &&
        // A Unix socket or named pipe names its path; a host listens on no path.
        (IsSocket(uri) || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 or UriHostNameType.Dns && uri.AbsolutePath == "/"));

    /// <summary>The addresses of a <c>urls</c> value ("http://*:80; https://+:443"), as Kestrel splits them.</summary>
    public static string[] Split(string? urls) => (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// An address as a URI: Kestrel's forms for every address, "*" and "+", are no host a URI takes, so they are read as
    /// 0.0.0.0.
    /// </summary>
    public static bool TryRead(string url, out Uri address) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out address!);

    /// <summary>A Unix socket (<c>http://unix:/run/app.sock</c>) or a named pipe, not a host and port.</summary>
    public static bool IsSocket(Uri address) => address.Host is "unix" or "pipe";
}
