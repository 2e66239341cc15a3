using System.Text.Json;
using ContentApi.Http.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ContentApi.Http.Bodies;

/// <summary>
/// A POST or PUT body that is not JSON is refused as that, whatever it holds, as a PATCH's is: the binder reads a body
/// as the resource while it parses it, so it stopped at the first member it does not have or lacks. <c>{"zzz":[[[…]]]}</c>
/// was <c>zzz: Unknown property</c> rather than too deeply nested, a million <c>[</c> <c>$: Must be an object.</c>,
/// <c>{} trailing</c> <c>name: Required.</c>, a body cut short (<c>{"zzz":1,</c>) or not UTF-8 an unknown property. Read here whole,
/// before the binder, and handed on.
/// </summary>
public sealed class JsonSyntaxCheck(RequestDelegate next)
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
        var resource = metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type ? JsonSetup.Options.GetTypeInfo(type) : null;
        // The reader checks UTF-8 only where it must, not inside strings, where the binder met such a body's members
        // first (zzz: Unknown property); filed under the member whose text it is, as the binder files it.
        if (FirstInvalidUtf8(sent) is { } invalidAt)
        {
            throw Refused(new JsonException("The JSON text is not valid UTF-8.", JsonErrorPath.Find(sent[..invalidAt], JsonSetup.Options.MaxDepth, resource), null, null));
        }
        if (Malformed(sent) is { } malformed)
        {
            throw Refused(new JsonException(malformed.Message, JsonErrorPath.Find(sent, JsonSetup.Options.MaxDepth, resource), malformed.LineNumber, malformed.BytePositionInLine, malformed));
        }
        body.Position = 0;
        request.Body = body;
        context.Features.Set(new CheckedBody(body.GetBuffer().AsMemory((int)body.Length - sent.Length, sent.Length)));
        await next(context);
    }

    /// <summary>A body that is JSON, as sent (after a byte order mark), for <see cref="EveryBodyErrorMiddleware"/> to read again.</summary>
    public sealed record CheckedBody(ReadOnlyMemory<byte> Sent);

    /// <summary>As the binder refuses a body it cannot read, so that the problem is the same.</summary>
    private static BadHttpRequestException Refused(JsonException json) =>
        new("Failed to read the request body as JSON.", StatusCodes.Status400BadRequest, json);

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        // Vectorised, for the usual body; the byte is looked for only in one that is not UTF-8.
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return null;
        }
        for (var i = 0; i < text.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(text[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }
            i += consumed;
        }
        return null;
    }

    /// <summary>The reader's error where the text stops being JSON (nested too deeply included); null when it is JSON.</summary>
    private static JsonException? Malformed(ReadOnlySpan<byte> json)
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
            return exception;
        }
    }
}
