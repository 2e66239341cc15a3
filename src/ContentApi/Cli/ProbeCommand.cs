using System.CommandLine;
using System.Net;
using ContentApi.Http.Pipeline;
using ContentApi.Text;

namespace ContentApi.Cli;

/// <summary>
/// <c>probe</c>: asks a running server whether it is ready, for a container's <c>HEALTHCHECK</c> (the runtime image has
/// no curl). It reads no database and starts no host: a request to <c>/health/ready</c>, exit 0 on a 200 (Healthy or
/// Degraded), 1 otherwise. The answer goes to stdout; no answer, on stderr, says why.
/// </summary>
public static class ProbeCommand
{
    /// <summary>The longest wait HttpClient takes: int.MaxValue milliseconds.</summary>
    private const int MaxTimeoutSeconds = int.MaxValue / 1000;

    public static Command Create(TextWriter output)
    {
        var url = new Option<string?>("--url")
        {
            Description = "The readiness URL; by default the server's own, from the settings it reads (appsettings, environment): the first http URL of Kestrel:Endpoints, else of ASPNETCORE_URLS (a wildcard host as 127.0.0.1; none when they have only https or socket addresses), else http://127.0.0.1:PORT/health/ready, PORT the first of ASPNETCORE_HTTP_PORTS (else 5000, where Kestrel listens given no address). Give it for a server given --urls on its command line.",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the answer.",
            DefaultValueFactory = _ => 5,
        };
        timeout.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, out var seconds) && seconds is < 1 or > MaxTimeoutSeconds)
            {
                r.AddError("--timeout must be between 1 and 2,147,483 seconds (the longest wait HttpClient takes).");
            }
        });
        var command = new Command("probe", "Ask a running server whether it is ready (for a container's HEALTHCHECK): exit 0 when /health/ready answers 200.")
        {
            url,
            timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = ServersOwnUrl();
            // The rule of the API's URLs: a bare path is an absolute file: URL to .NET on Unix, HttpClient throws for any
            // scheme but these two, and a port 0 or a host browsers cannot open was asked and reported as not answering.
            if (parse.GetValue(url) is { } given)
            {
                if (!TextRules.IsHttpUrl(given))
                {
                    await Console.Error.WriteLineAsync($"not ready: '{given}' is no absolute http or https URL{(TextRules.HostRefusal(given) is { } host ? ": " + host : "")}");
                    return 1;
                }
                target = new Uri(given, UriKind.Absolute);
            }
            if (target is null)
            {
                await Console.Error.WriteLineAsync("not ready: the server's addresses (Kestrel:Endpoints, else ASPNETCORE_URLS) name no http:// address on a port to ask; give the readiness URL with --url");
                return 1;
            }
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            try
            {
                using var response = await client.GetAsync(target, cancellationToken);
                await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"not ready: {target} did not answer ({exception.Message})");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// <see cref="DefaultUrl"/> of the configuration the server reads (appsettings, environment variables), built as it
    /// builds it but for its command line, which a probe cannot see: a server given --urls there is probed with --url.
    /// </summary>
    private static Uri? ServersOwnUrl()
    {
        using var configuration = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = ContentRootFolder.Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
        }).Configuration;
        return DefaultUrl(configuration);
    }

    /// <summary>
    /// The server's own address, chosen as Kestrel chooses where to listen: Kestrel:Endpoints, which win over the rest
    /// ("Overriding address(es) 'http://*:8080'"), else urls (ASPNETCORE_URLS), else the first of http_ports
    /// (ASPNETCORE_HTTP_PORTS, "8080;9000"), as the Dockerfile sets it, else 5000, Kestrel's own. Of the addresses Kestrel takes, the
    /// first http URL; a host that binds every address, "*", "+", "0.0.0.0", "[::]" or a name, is asked on 127.0.0.1. A
    /// container given ASPNETCORE_URLS, or then Kestrel__Endpoints__Http__Url, was probed on 8080 and never became healthy.
    /// Null when those addresses have no http one on a port (https only, a Unix socket): Kestrel then listens on none of
    /// the later ones.
    /// </summary>
    internal static Uri? DefaultUrl(IConfiguration configuration)
    {
        string[] endpoints = [.. configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]?.Trim()).OfType<string>()];
        var listened = endpoints.Length > 0 ? endpoints : ServerUrlsSetting.Split(configuration["urls"]);
        foreach (var given in listened)
        {
            if (ServerUrlsSetting.TryRead(given, out var address) && address.Scheme == "http" && !ServerUrlsSetting.IsSocket(address))
            {
                return new Uri($"http://{HostToAsk(address)}:{address.Port}/health/ready");
            }
        }
        if (listened.Length > 0)
        {
            return null; // Kestrel ignores ASPNETCORE_HTTP_PORTS once it has addresses: https or a socket only
        }
        var first = (configuration["http_ports"] ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : KestrelDefaultPort;
        return new Uri($"http://127.0.0.1:{port}/health/ready");
    }

    /// <summary>Where Kestrel listens given no address at all (localhost), as README's first `dotnet run` serves.</summary>
    private const int KestrelDefaultPort = 5000;

    /// <summary>The address a server bound to <paramref name="address"/> answers on here: its own, or for any address, 127.0.0.1.</summary>
    private static string HostToAsk(Uri address) =>
        IPAddress.TryParse(address.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any) ? address.Host : "127.0.0.1";
}
