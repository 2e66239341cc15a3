using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ContentApi.Auth;

/// <summary>Authenticates <c>Authorization: Bearer KEY</c> against the hashed keys in the database.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    LastUseRecorder lastUse) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        // Probes answer whatever they are sent (a scraper's token meant for a proxy), so theirs is not looked up or logged.
        if (string.IsNullOrWhiteSpace(header) || Context.GetEndpoint()?.Metadata.GetMetadata<Health.ProbeEndpoint>() is not null)
        {
            return AuthenticateResult.NoResult();
        }
        // Missing, malformed, unknown and revoked keys all fail the same way, so probing learns nothing.
        const string failure = "Invalid API key.";
        if (!SendsBearerToken(Request))
        {
            return AuthenticateResult.Fail(failure);
        }
        var key = header["Bearer ".Length..].Trim();
        if (!ApiKeyHasher.LooksLikeKey(key))
        {
            return AuthenticateResult.Fail(failure);
        }
        var row = await keys.FindActiveAsync(key, Context.RequestAborted);
        if (row is null)
        {
            return AuthenticateResult.Fail(failure);
        }
        lastUse.Record(row.Id);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, row.Name), new Claim(ApiKeyScopes.ClaimType, row.Scope), new Claim("key_id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Whether the request sends an Authorization header with something in it: an empty one sends no key.</summary>
    public static bool SendsCredentials(HttpRequest request) => !string.IsNullOrWhiteSpace(request.Headers.Authorization);

    /// <summary>Whether the request's Authorization is of the Bearer scheme (any case), whatever the token.</summary>
    public static bool SendsBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>
    /// RFC 6750 §3.1: a valid key whose scope is too narrow, so a client can tell it from a bad key, with the scope it
    /// needs (§3): the endpoint's policy, or the read scope of a read that asked for drafts.
    /// </summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null)
            ?? ApiKeyScopes.ReadPolicy;
        Response.StatusCode = 403;
        Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{needed}\"";
        return Task.CompletedTask;
    }
}
