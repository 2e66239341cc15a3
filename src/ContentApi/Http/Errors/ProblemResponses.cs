namespace ContentApi.Http.Errors;

/// <summary>A problem+json answer written by middleware or a filter, outside the endpoints' results.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(this IProblemDetailsService problems, HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail };
        problem.Extensions[Problems.CodeMember] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
