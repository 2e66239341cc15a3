using Microsoft.AspNetCore.Diagnostics;

namespace ContentApi.Http;

/// <summary>
/// A client that closes its connection partway through the body has gone, as one that cancels has: its request is
/// recorded as 499, the status ASP.NET's exception handler gives other client aborts, with no problem written and no
/// error logged. Left to the exception handler, the answer depended on whether the server had noticed the connection
/// end by the time it looked: about half were a 400, logged as an unhandled exception, with a second error for the
/// problem that could not be written to the closed connection. Inside the status code pages, so nothing is written.
/// </summary>
public sealed class CutShortBodyMiddleware(RequestDelegate next, ILogger<CutShortBodyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var body = new CutShortBody(context.Request.Body);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        catch (Exception) when (body.WasCutShort && !context.Response.HasStarted)
        {
            // Whatever the reader made of the cut (the exception it threw, or one it caused), it is the client's going.
        }
        if (body.WasCutShort && !context.Response.HasStarted)
        {
            logger.LogDebug("{Method} {Path}: the client closed the connection before sending the whole body", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
    }
}
