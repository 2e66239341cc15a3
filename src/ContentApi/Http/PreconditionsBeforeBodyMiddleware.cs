namespace ContentApi.Http;

/// <summary>
/// A PUT whose body cannot be bound (not JSON, not the resource's shape, empty) fails before the endpoint's filters,
/// which judge its preconditions before its body (<see cref="PreconditionsFirst"/>): they are judged here instead, as
/// the endpoint runs, so that a 404 or 412 (with the current ETag, which the exception handler would strip) comes first.
/// </summary>
public sealed class PreconditionsBeforeBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is not { } check)
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted)
        {
            if (await check.RefusalAsync(context) is not { } refusal)
            {
                throw;
            }
            await refusal.ExecuteAsync(context);
        }
    }
}
