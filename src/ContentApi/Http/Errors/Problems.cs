using ContentApi.Http.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentApi.Http.Errors;

/// <summary>Builders for the expected (non-exceptional) problem responses handlers return.</summary>
public static class Problems
{
    /// <summary>The extension member that names the kind of problem (<see cref="ProblemCodes"/>).</summary>
    public const string CodeMember = "code";

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"{what} was not found.", type: ProblemTypes.NotFound, extensions: Coded(ProblemCodes.NotFound));

    public static ProblemHttpResult Conflict(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail, type: ProblemTypes.Conflict, extensions: Coded(code, extensions));

    public static ProblemHttpResult PreconditionFailed(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: 412, title: "Precondition Failed", detail: detail, type: ProblemTypes.PreconditionFailed, extensions: Coded(code, extensions));

    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition Required",
            detail: "This server requires If-Match on updates and deletes: send the ETag you last read.", type: ProblemTypes.PreconditionRequired,
            extensions: Coded(ProblemCodes.IfMatchRequired));

    /// <summary>The code first, then any members of the problem's own.</summary>
    public static Dictionary<string, object?> Coded(string code, IDictionary<string, object?>? extensions = null)
    {
        var coded = new Dictionary<string, object?> { [CodeMember] = code };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            coded[name] = value;
        }
        return coded;
    }

    /// <summary>An If-Match or If-None-Match that is neither "*" nor a list of quoted ETags.</summary>
    public static ValidationProblem MalformedEntityTags(string header) => InvalidHeader(header, $"{header} must be '*' or a list of quoted ETags.");

    /// <summary>A request header that cannot be read: filed in errors under its name, as a query parameter is under its.</summary>
    public static ValidationProblem InvalidHeader(string header, string detail) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [header] = [detail] }, detail: detail, type: ProblemTypes.BadRequest, title: ValidationTitle,
        extensions: Coded(ProblemCodes.InvalidHeader));

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 415 that cannot name the media type it refused (the routing's, a body binding's).</summary>
    public const string UnsupportedMediaTypeDetail = "The request body must be sent as application/json (PATCH also takes application/merge-patch+json).";

    /// <summary>A write sent without a body: the binding's for POST and PUT, <see cref="MergePatch"/>'s for PATCH.</summary>
    public const string JsonBodyRequiredDetail = "A JSON request body is required.";

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: ValidationDetail(errors), type: ProblemTypes.BadRequest, title: ValidationTitle,
            extensions: Coded(ProblemCodes.ValidationFailed));

    /// <summary>The most fields one 400 names, where a request can name any number (query parameters: their names are the caller's).</summary>
    public const int MaxFieldsListed = 20;

    /// <summary>
    /// A 400 naming the first <see cref="MaxFieldsListed"/> of <paramref name="fields"/>, each with its message, and in
    /// its detail how many there are: 1,200 unknown query parameters, in a URL under 8 KiB, made a 400 of 197 KB, one
    /// error each (each listing the allowed names), built in the server's memory for any anonymous caller.
    /// </summary>
    public static ValidationProblem Validation(IReadOnlyCollection<string> fields, Func<string, string> message)
    {
        var errors = fields.Take(MaxFieldsListed).ToDictionary(f => f, f => new[] { message(f) });
        var detail = fields.Count <= MaxFieldsListed ? ValidationDetail(errors)
            : $"{ValidationDetail(errors.Take(1).ToDictionary())} ({fields.Count - 1} more; errors names the first {MaxFieldsListed}.)";
        return TypedResults.ValidationProblem(errors, detail: detail, type: ProblemTypes.BadRequest, title: ValidationTitle,
            extensions: Coded(ProblemCodes.ValidationFailed));
    }

    /// <summary>The title of every problem of the 400 type, validation errors included (RFC 9457: a type keeps its title).</summary>
    public const string ValidationTitle = "Bad Request";

    /// <summary>
    /// The first error with its field, and how many more <c>errors</c> holds: a client that shows only the detail (Kiota
    /// makes it its exceptions' Message) still says what is wrong.
    /// </summary>
    public static string ValidationDetail(IDictionary<string, string[]> errors)
    {
        if (errors.FirstOrDefault(e => e.Value.Length > 0) is not { Key: { } field, Value: [var message, ..] })
        {
            return "The request is invalid.";
        }
        var first = field is "$" or "" ? message : $"{field}: {message}";
        var more = errors.Sum(e => e.Value.Length) - 1;
        return more == 0 ? first : $"{first} ({more} more in errors.)";
    }
}
