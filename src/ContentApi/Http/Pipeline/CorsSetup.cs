using System.ComponentModel.DataAnnotations;
using ContentApi.Idempotency;
using ContentApi.Observability;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Pipeline;

/// <summary>Bound from the "Cors" section.</summary>
public sealed class CorsOptions : IValidatableObject
{
    public const string Section = "Cors";

    /// <summary>Let any origin make GET/HEAD requests (published content is public anyway).</summary>
    public bool ReadsFromAnyOrigin { get; set; } = true;

    /// <summary>Whether every origin may make requests with this method, with the same CORS answer for all.</summary>
    public bool OpenToAnyOrigin(string method) => ReadsFromAnyOrigin && ReadMethods.Includes(method);

    /// <summary>Origins (scheme://host[:port]) allowed to write; empty means no browser origin may write.</summary>
    public string[] WriteOrigins { get; set; } = [];

    /// <summary>An origin as browsers send it: "https://cms.example.com" matches, "https://cms.example.com/" never would.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        WriteOrigins.Where(origin => !IsOrigin(origin)).Select(origin => new ValidationResult(
            $"Cors:WriteOrigins holds '{origin}', which is no origin as browsers send it: write scheme://host[:port], http or https, without a path, a trailing slash or the scheme's default port.",
            [nameof(WriteOrigins)]));

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase) && uri.UserInfo.Length == 0;
}

/// <summary>
/// Chooses the CORS policy by method: open for reads, an allow-list for writes; none for the operators' paths, which
/// any page a reader on the private network opened could otherwise read through that reader's browser.
/// </summary>
/// <remarks>
/// The settings as the app started with them, like every other setting: read as they change, a bad edit of the file
/// (refused by the validation) made every response that asks for them a 500.
/// </remarks>
public sealed class ContentApiCorsPolicyProvider(IOptions<CorsOptions> options, IOptions<ObservabilityOptions> observability) : ICorsPolicyProvider
{
    /// <summary>
    /// What a page may read beyond the CORS-safelisted headers: the caching, paging and retry headers, and the ones a
    /// refusal names its fix in (Accept-Patch, Accept-Encoding on a 415; WWW-Authenticate; Allow). Date too, the server's
    /// clock, which decides when a scheduled article goes live and which Last-Modified never passes.
    /// </summary>
    internal static readonly string[] Exposed = ["ETag", "Last-Modified", "Link", "Location", "Content-Location", "Retry-After", "RateLimit", "RateLimit-Policy",
        IdempotencyMiddleware.ReplayedHeaderName, "WWW-Authenticate", "Allow", "Accept-Patch", "Accept-Encoding", "Date"];

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (observability.Value.IsOperatorPath(context.Request.Path))
        {
            return Task.FromResult<CorsPolicy?>(null);
        }
        var settings = options.Value;
        var method = context.Request.Headers.AccessControlRequestMethod.FirstOrDefault() ?? context.Request.Method;
        var builder = new CorsPolicyBuilder().AllowAnyHeader().WithExposedHeaders(Exposed).SetPreflightMaxAge(TimeSpan.FromHours(1));
        if (settings.OpenToAnyOrigin(method))
        {
            return Task.FromResult<CorsPolicy?>(builder.AllowAnyOrigin().WithMethods("GET", "HEAD").Build());
        }
        return Task.FromResult<CorsPolicy?>(builder.WithOrigins(settings.WriteOrigins)
            .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").Build());
    }
}

/// <summary>
/// Reads that every origin may make carry their CORS headers also when the request names no origin. A shared cache
/// (a CDN) filled by such a request (a server-side render, a crawler, a URL opened in a tab) otherwise gave browsers a
/// copy without them for its whole lifetime, which fetch() from another origin refuses; <c>Vary: Origin</c> would
/// instead keep one copy per origin. Requests that name an origin are answered by the CORS middleware.
/// </summary>
public sealed class CorsForEveryRead(RequestDelegate next, IOptions<CorsOptions> options, IOptions<ObservabilityOptions> observability)
{
    private static readonly string ExposedHeaders = string.Join(',', ContentApiCorsPolicyProvider.Exposed);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (options.Value.OpenToAnyOrigin(request.Method) && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Origin)
            && !observability.Value.IsOperatorPath(request.Path))
        {
            // When the response starts, like the CORS middleware's own: an error answer is written on cleared headers.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.AccessControlAllowOrigin = "*";
                headers.AccessControlExposeHeaders = ExposedHeaders;
                return Task.CompletedTask;
            }, context);
        }
        return next(context);
    }
}
