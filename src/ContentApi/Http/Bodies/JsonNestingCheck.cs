using System.Text.Json;
using ContentApi.Http.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ContentApi.Http.Bodies;

/// <summary>
/// A POST or PUT body nested deeper than the serializer allows is refused as that, as a PATCH's is: the binder reads a
/// body as the resource while it parses it, so it stopped at the first member it does not have (<c>zzz: Unknown
/// property</c> for <c>{"zzz":[[[…]]]}</c>) or at a root that is not an object (<c>$: Must be an object.</c> for a
/// million <c>[</c>), while a merge patch is parsed whole first. Read here whole, before the binder, and handed on.
/// </summary>
public sealed class JsonNestingCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) ||
            context.GetEndpoint()?.Metadata is not { } metadata || metadata.GetMetadata<JsonMediaTypeMiddleware.JsonBody>() is null ||
            context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(context);
            return;
        }
        // Sized by the length sent (the body limit refuses more), so a large body is not copied as the stream grows.
        var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, 16 << 20));
        context.Response.RegisterForDispose(body);
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var sent = body.GetBuffer().AsSpan(0, (int)body.Length);
        sent = sent.StartsWith("\uFEFF"u8) ? sent[3..] : sent;
        if (DepthExceeded(sent) is { } tooDeep)
        {
            var resource = metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type ? JsonSetup.Options.GetTypeInfo(type) : null;
            throw new BadHttpRequestException("Failed to read the request body as JSON.", StatusCodes.Status400BadRequest,
                new JsonException(tooDeep.Message, JsonErrorPath.Find(sent, JsonSetup.Options.MaxDepth, resource), null, null, tooDeep));
        }
        body.Position = 0;
        request.Body = body;
        await next(context);
    }

    /// <summary>The reader's error when nesting is what stops it; null when the text is read to its end, or stops at something else first.</summary>
    private static JsonException? DepthExceeded(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = JsonSetup.Options.MaxDepth,
            CommentHandling = JsonSetup.Options.ReadCommentHandling,
            AllowTrailingCommas = JsonSetup.Options.AllowTrailingCommas,
        });
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException exception)
        {
            return exception.Message.Contains(JsonErrorPath.DepthExceeded, StringComparison.Ordinal) ? exception : null;
        }
    }
}
