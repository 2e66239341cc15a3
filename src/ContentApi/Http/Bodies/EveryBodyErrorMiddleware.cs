using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace ContentApi.Http.Bodies;

/// <summary>
/// A POST or PUT body the binder cannot read as the resource is answered with every member it refuses (unknown, of the
/// wrong JSON type), and with the rules the rest breaks, a required member it lacks for an error already listed given
/// a placeholder (<see cref="RequiredPlaceholders"/>): the binder stops at its first, so a form took one round trip per error. The body is read again only once the binder has failed; a refusal that comes
/// before the body's errors (a PUT's 412, <see cref="PreconditionsBeforeBodyMiddleware"/>) is judged inside this.
/// </summary>
public sealed class EveryBodyErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException failed) when (failed is { StatusCode: StatusCodes.Status400BadRequest, InnerException: JsonException first } &&
            !context.Response.HasStarted && context.Features.Get<JsonSyntaxCheck.CheckedBody>() is { } body &&
            context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } requestType)
        {
            if (await EveryErrorAsync(context, body.Sent, requestType, first) is not { } errors)
            {
                throw;
            }
            await Problems.Validation(errors).ExecuteAsync(context);
        }
    }

    /// <summary>Every error of the body, the binder's first among them; null when that is the only one.</summary>
    private static async Task<Dictionary<string, string[]>?> EveryErrorAsync(HttpContext context, ReadOnlyMemory<byte> sent, Type requestType, JsonException first)
    {
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(sent.Span, documentOptions: new JsonDocumentOptions { MaxDepth = JsonSetup.Options.MaxDepth, AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A member named twice, a name that is no text: the binder's error is the body's.
            return null;
        }
        if (document is null || KnownExceptionHandler.JsonProblem(first) is not (_, _, _, { } firstErrors))
        {
            return null;
        }
        var type = JsonSetup.Options.GetTypeInfo(requestType);
        var (errors, wellTyped) = JsonMemberErrors.Find(document, type);
        foreach (var (field, messages) in firstErrors)
        {
            errors[field] = messages;
        }
        if (wellTyped is null)
        {
            return errors;
        }
        if (RequiredPlaceholders.Read(wellTyped, type, errors) is { } rest)
        {
            JsonMemberErrors.AddOthers(errors, await RuleErrorsAsync(context, rest));
        }
        return errors.Count > 1 ? errors : null;
    }

    /// <summary>The errors the validators find in <paramref name="rest"/>, as the endpoint's filter would answer them.</summary>
    private static async Task<IDictionary<string, string[]>?> RuleErrorsAsync(HttpContext context, object rest)
    {
        if (context.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(rest.GetType())) is not IValidator validator ||
            await validator.ValidateAsync(new ValidationContext<object>(rest), context.RequestAborted) is not { IsValid: false } invalid)
        {
            return null;
        }
        // A PUT is not held to a value it restates from the resource as stored, which its 400 leaves out.
        if (context.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is { } first)
        {
            return await first.AnswerInvalidAsync(context, rest, validator, invalid) is ValidationProblem answer ? answer.ProblemDetails.Errors : null;
        }
        return invalid.ToErrors();
    }
}
