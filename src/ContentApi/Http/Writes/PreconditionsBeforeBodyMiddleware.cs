using System.Text.Json;

namespace ContentApi.Http.Writes;

/// <summary>
/// A PUT whose body cannot be bound (not JSON, not the resource's shape, empty) fails before the endpoint's filters,
/// which judge its preconditions before its body (<see cref="PreconditionsFirst"/>): they are judged here instead, as
/// the endpoint runs, so that a 404 or 412 (with the current ETag, which the exception handler would strip) comes first.
/// </summary>
public sealed class PreconditionsBeforeBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is { } check ? InvokeJudgingAsync(context, check) : next(context);

    private async Task InvokeJudgingAsync(HttpContext context, PreconditionsFirst check)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (IsBodyFailure(exception) && !context.Response.HasStarted)
        {
            if (await check.RefusalAsync(context) is not { } refusal)
            {
                throw;
            }
            await refusal.ExecuteAsync(context);
        }
    }

    /// <summary>The body could not be read as the resource (a route value that cannot be bound, or a cut-off upload, is not that).</summary>
    private static bool IsBodyFailure(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status400BadRequest &&
        (exception.InnerException is JsonException || exception.Message.Contains(" body", StringComparison.Ordinal));
}
