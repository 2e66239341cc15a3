using Microsoft.AspNetCore.RateLimiting;

namespace ContentApi.Http.Limits;

/// <summary>Charges what a request cost (<see cref="RequestCost"/>) to its caller's bucket once it is answered, or has failed: the work was done either way.</summary>
public sealed class RequestCostMiddleware(RequestDelegate next, CostedRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }
        var cost = new RequestCost();
        context.Features.Set(cost);
        try
        {
            await next(context);
        }
        finally
        {
            limiter.Charge(context, cost.ExtraTokens);
        }
    }
}
