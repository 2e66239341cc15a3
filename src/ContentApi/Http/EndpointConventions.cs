using FluentValidation.Results;

namespace ContentApi.Http;

/// <summary>OpenAPI metadata that whole families of endpoints share.</summary>
public static class EndpointConventions
{
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder) => builder
        .Produces<T>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder Writes<T>(this RouteHandlerBuilder builder, bool created = false)
    {
        builder.Produces<T>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        builder.ProducesProblem(StatusCodes.Status409Conflict);
        if (!created)
        {
            builder.ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        }
        return builder.WriteProblems();
    }

    public static RouteHandlerBuilder Deletes(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WriteProblems();

    public static RouteHandlerBuilder AcceptsMergePatch<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>(MergePatch.MediaType, "application/json");

    private static RouteHandlerBuilder WriteProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static Dictionary<string, string[]> ToErrors(this ValidationResult result) =>
        result.Errors.GroupBy(e => ValidationFilter.ToJsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
