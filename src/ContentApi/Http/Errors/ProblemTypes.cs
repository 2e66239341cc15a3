namespace ContentApi.Http.Errors;

/// <summary>Stable <c>type</c> URIs of the problems this API returns (RFC 9457).</summary>
public static class ProblemTypes
{
    public const string BadRequest = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1";
    public const string Unauthorized = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2";
    public const string Forbidden = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4";
    public const string NotFound = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5";
    public const string MethodNotAllowed = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6";
    public const string NotAcceptable = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7";
    public const string RequestTimeout = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9";
    public const string Conflict = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10";
    public const string PreconditionFailed = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13";
    public const string ContentTooLarge = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14";
    public const string UriTooLong = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15";
    public const string UnsupportedMediaType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16";
    public const string UnprocessableContent = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21";
    public const string PreconditionRequired = "https://www.rfc-editor.org/rfc/rfc6585#section-3";
    public const string TooManyRequests = "https://www.rfc-editor.org/rfc/rfc6585#section-4";
    public const string HeaderFieldsTooLarge = "https://www.rfc-editor.org/rfc/rfc6585#section-5";
    public const string InternalServerError = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1";
    public const string NotImplemented = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.2";
    public const string ServiceUnavailable = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4";

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        408 => RequestTimeout,
        409 => Conflict,
        412 => PreconditionFailed,
        413 => ContentTooLarge,
        414 => UriTooLong,
        415 => UnsupportedMediaType,
        422 => UnprocessableContent,
        428 => PreconditionRequired,
        429 => TooManyRequests,
        431 => HeaderFieldsTooLarge,
        501 => NotImplemented,
        503 => ServiceUnavailable,
        _ when status >= 500 => InternalServerError,
        _ => BadRequest,
    };
}
