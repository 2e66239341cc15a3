using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;

namespace ContentApi.Http.Bodies;

/// <summary>
/// What becomes of a request whose body could not be read. A client that closed its connection partway through it has
/// gone, as one that cancels has: the request is recorded as 499, the status ASP.NET's exception handler gives other
/// client aborts, with no problem written and no error logged (left to the exception handler, the answer depended on
/// whether the server had noticed the connection end by the time it looked: about half were a 400, logged as an
/// unhandled exception, with a second error for the problem that could not be written). A body that came but could not
/// be read (chunks framed wrongly) is a problem the exception handler words, also where the endpoints' JSON binding
/// answered it with a bare status. Inside the status code pages, so they write nothing for either.
/// </summary>
public sealed class BodyReadFailureMiddleware(RequestDelegate next, ILogger<BodyReadFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var body = new FailureNotingBody(context.Request.Body);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        catch (Exception) when (body.WasCutShort && !context.Response.HasStarted)
        {
            // Whatever the reader made of the cut (the exception it threw, or one it caused), it is the client's going.
        }
        if (context.Response.HasStarted || body.Failure is not { } failure)
        {
            return;
        }
        if (body.WasCutShort)
        {
            logger.LogDebug("{Method} {Path}: the client closed the connection before sending the whole body", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
        else if (failure is BadHttpRequestException bad && context.Response.StatusCode == bad.StatusCode && context.Response.ContentType is null)
        {
            ExceptionDispatchInfo.Throw(bad);
        }
    }
}
