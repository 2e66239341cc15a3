using System.Reflection;
using ContentApi.Http.Errors;
using ContentApi.Http.Writes;

namespace ContentApi.Http.Binding;

/// <summary>
/// Rejects query parameters an endpoint does not declare (400 listing the allowed ones), so a typo such
/// as <c>?autor=3</c> is never silently ignored, and parameters given more than once. Values that must parse are
/// checked before binding, by <see cref="QueryValueCheck"/>, and answered here in the same 400.
/// </summary>
public static class UnknownQueryParameterFilter
{
    public const string RepeatedMessage = "Give this parameter once; lists such as include take comma-separated values.";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var takesList = AllowedNames(context.MethodInfo);
        var allowedText = takesList.Count == 0 ? "none" : string.Join(", ", takesList.Keys.Order(StringComparer.Ordinal));
        return async invocation =>
        {
            if (MalformedEscapes.Parameters(invocation.HttpContext.Request.QueryString.Value) is { Count: > 0 } malformed)
            {
                return Problems.Validation([.. malformed.Select(Echoed.Cut).Distinct()], _ => MalformedEscapes.Message);
            }
            if (QueryUtf8.ParametersNotUtf8(invocation.HttpContext.Request.QueryString.Value) is { Count: > 0 } notUtf8)
            {
                return Problems.Validation([.. notUtf8.Select(Echoed.Cut).Distinct()], _ => QueryUtf8.Message);
            }
            var query = invocation.HttpContext.Request.Query;
            var errors = new Dictionary<string, string[]>(invocation.HttpContext.Features.Get<QueryValueCheck.RefusedValues>()?.Errors ?? []);
            var unknown = query.Keys.Where(k => !takesList.ContainsKey(k)).GroupBy(Echoed.Cut).ToDictionary(g => g.Key, g => g.First());
            foreach (var cut in unknown.Keys.Take(Problems.MaxFieldsListed))
            {
                errors.TryAdd(cut, [UnknownMessage(unknown[cut], takesList, allowedText)]);
            }
            // ASP.NET joins repeats with commas (author=1&author=2 as "1,2"), which only lists mean.
            foreach (var name in query.Where(p => takesList.TryGetValue(p.Key, out var list) && !list && p.Value.Count > 1).Select(p => p.Key))
            {
                errors.TryAdd(name, [RepeatedMessage]);
            }
            foreach (var name in query.Where(p => takesList.GetValueOrDefault(p.Key) && ListParameters.HasEmptyItem(p.Value)).Select(p => p.Key))
            {
                errors.TryAdd(name, [ListParameters.EmptyItemMessage]);
            }
            if (errors.Count > 0)
            {
                return await EveryErrorAsync(invocation, errors, unknown, cut => UnknownMessage(unknown[cut], takesList, allowedText));
            }
            return await next(invocation);
        };
    }

    /// <summary>
    /// The query's errors with those the validators find in what it binds (a bad sort beside an unknown parameter):
    /// every problem in one 400. Unknown parameters alone are listed as ever, the first <see cref="Problems.MaxFieldsListed"/>.
    /// </summary>
    private static async Task<object?> EveryErrorAsync(
        EndpointFilterInvocationContext invocation, Dictionary<string, string[]> errors, Dictionary<string, string> unknown, Func<string, string> unknownMessage)
    {
        // A PUT's body is judged against the resource as stored (PreconditionsFirst), by the validation filter.
        if (invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is null)
        {
            foreach (var (field, messages) in await ValidationFilter.ErrorsAsync(invocation))
            {
                errors.TryAdd(field, messages);
            }
        }
        return errors.Count == Math.Min(unknown.Count, Problems.MaxFieldsListed) && errors.Keys.All(unknown.ContainsKey)
            ? Problems.Validation(unknown.Keys, unknownMessage)
            : Problems.Validation(errors);
    }

    /// <summary>
    /// A list parameter written with brackets (<c>include[]</c>, <c>fields[0]</c>), as axios writes an array unless its
    /// paramsSerializer says otherwise (and so orval's and zodios's clients), is told how a list is written here.
    /// </summary>
    private static string UnknownMessage(string name, Dictionary<string, bool> takesList, string allowedText) =>
        name.IndexOf('[', StringComparison.Ordinal) is > 0 and var bracket && name.EndsWith(']') && takesList.GetValueOrDefault(name[..bracket])
            ? $"Unknown query parameter: write a list as {name[..bracket]}=a,b (or {name[..bracket]}=a&{name[..bracket]}=b), without brackets " +
              $"(axios writes them unless given paramsSerializer: {{ indexes: null }}). Allowed: {allowedText}."
            : $"Unknown query parameter. Allowed: {allowedText}.";

    /// <summary>The query parameters the endpoint binds, by name, and whether each takes several values (an array or a <see cref="ListParameters"/> list).</summary>
    private static Dictionary<string, bool> AllowedNames(MethodInfo method) =>
        BoundQueryParameters.OfHandler(method).ToDictionary(
            p => p.Name,
            p => p.Type.IsArray || ListParameters.Names.Contains(p.Name),
            StringComparer.Ordinal);
}
