using ContentApi.Http.Errors;
using ContentApi.Http.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContentApi.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<LastUseRecorder>();
        // AddAuthentication would also add Data Protection, which made and stored a key ring at every start (an
        // unencrypted key in ~/.aspnet, a warning in each new container) though nothing here protects anything with it.
        services.AddAuthenticationCore(options => options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        services.AddWebEncoders();
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyScopes.ReadPolicy, p => p.RequireAssertion(c => ApiKeyScopes.Has(c.User, ApiKeyScope.Read)))
            .AddPolicy(ApiKeyScopes.WritePolicy, p => p.RequireAssertion(c => ApiKeyScopes.Has(c.User, ApiKeyScope.Write)))
            .AddPolicy(ApiKeyScopes.AdminPolicy, p => p.RequireAssertion(c => ApiKeyScopes.Has(c.User, ApiKeyScope.Admin)));
        return services;
    }

    /// <summary>
    /// A request that sends a key must send a valid one, even on a route anonymous callers may read:
    /// silently downgrading a bad key to anonymous would hide drafts and confuse the caller. An empty header sends no key.
    /// </summary>
    public static IApplicationBuilder UseRejectInvalidKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiKeyAuthenticationHandler.SendsCredentials(context.Request) && context.User.Identity?.IsAuthenticated != true &&
            context.GetEndpoint()?.Metadata.GetMetadata<Health.ProbeEndpoint>() is null)
        {
            var attempts = context.RequestServices.GetRequiredService<FailedKeyAttempts>();
            if (!attempts.TryRecordFailure(RateLimitingSetup.ClientAddress(context), out var retryAfter))
            {
                var quota = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.FailedKeyAttemptsPerMinute);
                await RateLimitingSetup.WriteTooManyRequestsAsync(context, RateLimitingSetup.WholeSecondsToWait(retryAfter),
                    new RateLimitQuota(quota, (int)FailedKeyAttempts.Window.TotalSeconds), ProblemCodes.KeyLockout, "Too many failed API key attempts from this address; retry later.");
                return;
            }
            context.Response.StatusCode = 401;
            // RFC 6750 §3.1: a token that is not valid is named so; credentials of another scheme hold no token to name.
            context.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationHandler.SendsBearerToken(context.Request)
                ? "Bearer error=\"invalid_token\"" : ApiKeyAuthenticationHandler.SchemeName;
            return;
        }
        await next(context);
    });
}
