using ContentApi.Http.Errors;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// Methods are case-sensitive (RFC 9110 §9.1), and every method this API has is written in capitals; routing matches them
/// in any case, so <c>delete</c> deleted, past a proxy or firewall that filters <c>DELETE</c> (fuzz helper). A method
/// with a lowercase letter is none the server knows: 501, as §15.6.2 has for an unrecognised method, before anything runs.
/// </summary>
public sealed class MethodCaseCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.Method.Any(char.IsAsciiLetterLower))
        {
            await problems.WriteAsync(context, StatusCodes.Status501NotImplemented, ProblemCodes.MethodNotImplemented,
                $"The method '{Echoed.Cut(context.Request.Method)}' is not one this API knows: methods are case-sensitive, so send it in capitals ({context.Request.Method.ToUpperInvariant()}).");
            return;
        }
        await next(context);
    }
}
