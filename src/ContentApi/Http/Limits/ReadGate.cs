using ContentApi.Http.Pipeline;

namespace ContentApi.Http.Limits;

/// <summary>Takes a read turn (<see cref="ReadTurns"/>) for the reads the response cache does not see: key holders', and all of them when the cache is off.</summary>
public sealed class ReadGate(RequestDelegate next, ReadTurns turns)
{
    public Task InvokeAsync(HttpContext context, IProblemDetailsService problems) =>
        ReadMethods.Includes(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/v1") && !ReadTurns.Holds(context)
            ? turns.RunAsync(context, problems, () => next(context))
            : next(context);
}
