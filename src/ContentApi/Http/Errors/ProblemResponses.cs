namespace ContentApi.Http.Errors;

/// <summary>A problem+json answer written by middleware or a filter, outside the endpoints' results.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(this IProblemDetailsService problems, HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Detail = detail } });
    }
}
