using ContentApi.Http.Binding;
using ContentApi.Http.Bodies;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using ContentApi.OpenApi;
using FluentValidation.Results;

namespace ContentApi.Http.Pipeline;

/// <summary>OpenAPI metadata that whole families of endpoints share.</summary>
public static class EndpointConventions
{
    /// <summary>
    /// The methods of a read: GET, and HEAD with the same status and headers and no body (RFC 9110 §9.3.2: HEAD goes
    /// wherever GET does). The OpenAPI document lists the GET only. Endpoints call MapMethods with these themselves, not
    /// through a helper taking a Delegate, so that the Request Delegate Generator sees each handler.
    /// </summary>
    public static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A single resource: 404 when there is none (or, anonymously, when it is not published).</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder) => builder
        .Lists<T>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A list or search: no match is an empty page, never a 404. Conditional: 304 for If-None-Match, 412 for If-Match.</summary>
    public static RouteHandlerBuilder Lists<T>(this RouteHandlerBuilder builder) => builder
        .Produces<T>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>The operation's representations carry Last-Modified and answer If-Modified-Since (documented as such).</summary>
    public static RouteHandlerBuilder SendsLastModified(this RouteHandlerBuilder builder) => builder.WithMetadata(LastModifiedMetadata.Instance);

    /// <summary>The operation's answers cannot change when an article goes live, so their Cache-Control is never cut for one (<see cref="Caching.SameAtGoLive"/>).</summary>
    public static RouteHandlerBuilder SameAtGoLive(this RouteHandlerBuilder builder) => builder.WithMetadata(Caching.SameAtGoLive.Instance);

    /// <summary>Documents the operation's <c>sort</c> parameter with the sorts it allows, its default, and <paramref name="note"/>.</summary>
    public static RouteHandlerBuilder Sorts<TRow>(this RouteHandlerBuilder builder, SortOptions<TRow> sorts, string? note = null) => builder.WithMetadata(
        new ParameterDescriptionMetadata("sort", $"One of {string.Join(", ", sorts.Keys.Select(s => $"`{s}`"))} (`-` sorts descending); default `{sorts.DefaultKey}`. Ties are broken by id. " +
            TextOrder(sorts) + CountOrder(sorts) + (note is null ? "" : note + " ") + "Anything else is a 400 listing these.",
            Values: new(typeof(TRow).Name.Replace("Row", "Sort", StringComparison.Ordinal), sorts.Keys)));

    private static readonly string[] TextSorts = ["title", "name", "slug"];

    /// <summary>How the list's count sorts order, when it has any.</summary>
    private static string CountOrder<TRow>(SortOptions<TRow> sorts) =>
        sorts.Allowed.Where(f => f.IsCount).Select(f => $"`{f.Name}`").ToList() is { Count: > 0 } counts
            ? $"{string.Join(" and ", counts)} sort by the count each item shows (`-` for the most used first); the count changes as articles are published, so a cursor kept while it does may skip or repeat an item. "
            : "";

    /// <summary>How the list's text sorts order, when it has any.</summary>
    private static string TextOrder<TRow>(SortOptions<TRow> sorts) =>
        sorts.Allowed.Select(f => f.Name).Where(TextSorts.Contains).ToList() is { Count: > 0 } text
            ? $"{string.Join(" and ", text.Select(n => $"`{n}`"))} sort by Unicode code point, as stored: upper case before lower case " +
              "(`Zebra` before `apple`), accented letters after `z`, CJK by code point (not by pinyin or stroke count). "
            : "";

    /// <summary>Documents the operation's <c>fields</c> parameter with the names <typeparamref name="TResponse"/> allows.</summary>
    public static RouteHandlerBuilder Fields<TResponse>(this RouteHandlerBuilder builder) =>
        builder.Fields(FieldSet.MembersOf(typeof(TResponse)), typeof(TResponse).Name.Replace("Response", "Field", StringComparison.Ordinal));

    /// <summary>
    /// Documents the operation's <c>fields</c> parameter with the names it allows (the enum <paramref name="valuesSchema"/>),
    /// and what else refuses one (<paramref name="refusedWhen"/>).
    /// </summary>
    public static RouteHandlerBuilder Fields(this RouteHandlerBuilder builder, IReadOnlyList<string> names, string valuesSchema, string refusedWhen = "") => builder.WithMetadata(
        new ParameterDescriptionMetadata("fields", $"Top-level fields to return, comma-separated (e.g. `{string.Join(",", names.Take(2))}`), from: {string.Join(", ", names.Select(f => $"`{f}`"))}. Default: all. Only the fields named are sent, required ones too: the response then lacks members its schema requires, so a client that enforces them (NSwag with Newtonsoft) should read it untyped. Anything else is a 400 listing these.{refusedWhen}",
            Values: new(valuesSchema, names)));

    /// <param name="created">A POST (201), else a PUT or PATCH (200, 404, 412, 428). Every write: 409 for an Idempotency-Key still in use (and a taken slug), 422 for a key reused with another request.</param>
    /// <param name="hasSlug">
    /// Whether the request can ask for a slug, so that a create or replace can be refused (409) because another resource
    /// holds it. Without one, a create's 409 is only an Idempotency-Key in use, a plain problem with no conflictingId.
    /// </param>
    public static RouteHandlerBuilder Writes<T>(this RouteHandlerBuilder builder, bool created = false, bool hasSlug = true)
    {
        builder.Produces<T>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .WithMetadata(IdempotencyMiddleware.IdempotentWrite.Instance)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        _ = hasSlug ? builder.ProducesConflict<SlugConflictProblemDetails>() : builder.ProducesProblem(StatusCodes.Status409Conflict);
        if (!created)
        {
            builder.ProducesProblem(StatusCodes.Status404NotFound)
                .Produces<PreconditionFailedProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")
                .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        }
        builder.WithMetadata(JsonMediaTypeMiddleware.JsonBody.Instance);
        return builder.WriteProblems(takesBody: true);
    }

    /// <param name="refusedWhileInUse">Whether a delete can be refused (409) because articles still use the resource.</param>
    public static RouteHandlerBuilder Deletes(this RouteHandlerBuilder builder, bool refusedWhileInUse)
    {
        builder.Produces(StatusCodes.Status204NoContent)
            .WithMetadata(IdempotencyMiddleware.IdempotentWrite.Instance)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces<PreconditionFailedProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        _ = refusedWhileInUse ? builder.ProducesConflict<InUseProblemDetails>() : builder.ProducesProblem(StatusCodes.Status409Conflict);
        return builder.WriteProblems(takesBody: false);
    }

    /// <summary>A 409 whose problem carries the members <typeparamref name="TProblem"/> adds to RFC 9457's.</summary>
    private static RouteHandlerBuilder ProducesConflict<TProblem>(this RouteHandlerBuilder builder) =>
        builder.Produces<TProblem>(StatusCodes.Status409Conflict, "application/problem+json");

    public static RouteHandlerBuilder AcceptsMergePatch<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>(MergePatch.MediaType, "application/json");

    /// <summary>What every write can answer besides the problems of any request (see ContentApiApp's route group).</summary>
    private static RouteHandlerBuilder WriteProblems(this RouteHandlerBuilder builder, bool takesBody)
    {
        builder.ProducesProblem(StatusCodes.Status403Forbidden);
        return takesBody
            ? builder.ProducesProblem(StatusCodes.Status408RequestTimeout).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            : builder;
    }

    public static Dictionary<string, string[]> ToErrors(this ValidationResult result) =>
        result.Errors.GroupBy(e => ValidationFilter.ToJsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
