using System.Reflection;
using ContentApi.Http.Binding;
using ContentApi.Http.Lists;
using ContentApi.Text;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Endpoint metadata: an operation's own description of one of its query or path parameters, such as the sorts it allows.</summary>
/// <param name="Required">The operation answers 400 without it (bound as optional so that validation, not binding, says so).</param>
/// <param name="Values">The only values it takes (any other is a 400).</param>
public sealed record ParameterDescriptionMetadata(string Name, string Description, bool Required = false, NamedValues? Values = null)
{
    /// <summary>The cursor of a list that takes no filters, only a sort (an article's revisions, its earlier slugs).</summary>
    public static ParameterDescriptionMetadata CursorOfSortedList { get; } =
        new("cursor", "The `nextCursor` of the previous page, sent with the same `sort`. Opaque. Not with `page`.");
}

/// <summary>
/// Values a parameter takes, stated as a string enum so generated clients type them: the component schema
/// <paramref name="Schema"/>, which gives their types that name (NSwag named inline ones Anonymous2, Sort3).
/// </summary>
public sealed record NamedValues(string Schema, IReadOnlyList<string> Values);

/// <summary>Describes the parameters that many operations share, in one place; an endpoint's own metadata comes first.</summary>
public sealed class ParameterDescriptionOperationFilter(IServiceProvider services) : IOperationFilter
{
    public static readonly string SearchWords =
        "Search words, separated by spaces or list punctuation (`,` `、` `；` ...). Every word must match (`OR`, `AND` and `NOT` are words too; no prefix search). `\"...\"` quotes a phrase (so do `“...”`, `„...“`, `«...»`, `＂...＂`, `「...」` and `『...』`, as phones and input methods type them; one nothing closes is ignored), `-word` (or `－word`) excludes; Chinese of 2+ characters matches as a phrase (its quotation marks and brackets aside: `先進製程發表` finds `先進「製程」發表`), and so do words joined by other punctuation (`Qwen3-Max`), but punctuation beside a Chinese, Japanese or Korean word, or one of Thai, Lao, Khmer or Myanmar (also written without spaces), parts an unquoted term (`阿里雲-發布`, `2024年/2025年`, `東京・大阪` and `กรุงเทพ-เชียงใหม่` are two words each), except a name's dot (`ドナルド・トランプ`, `伊隆·馬斯克`) and a number's sign (`37%股權`), and a quoted or excluded one finds or excludes its words in a row, parted or not (`\"阿里雲-發布\"`); a word's letters find it without its digits (`Qwen` finds `Qwen3`), and a name, its version and a variant are found joined or apart (`gpt5` finds `GPT-5`, `GPT 5` finds `GPT5`, `qwen3max` finds `Qwen3-Max`); an emoji is a word (`🎉`, `👍` finds `👍🏽`); Traditional and Simplified match each other. " +
        $"At most {Search.SearchQuery.MaxLength} characters and {Search.SearchQuery.MaxTerms} words or phrases (else a 400). A query's words and phrases are matched with at most {Search.Fts5Match.MaxTokens} index tokens in all (a word is one, a word of letters and digits such as `GPT4o` one or two per run, a Chinese character about two): the longest included phrases are matched by their start (one of 33 Chinese characters alone; shorter beside other long ones), and highlights mark only whole phrases; excluded ones (`-word`) are matched whole, at most {Search.SearchQuery.MaxExcludedTokens} index tokens in all.";

    /// <summary>The author and tag filters take an earlier slug as its lookup does (migration 0032).</summary>
    private static string FollowsEarlierSlug(string article, string kind) =>
        $"An earlier slug of {article} {kind} (one an edit replaced, which `GET /{kind}s/slug/{{slug}}` answers with a 301) names the {kind} it now leads to, " +
        $"as that redirect does; one removed through `DELETE /{kind}s/{{id}}/earlier-slugs/{{slug}}` no longer does.";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "The resource's integer id.",
        ["version"] = "The article's version that the revision was (the `version` the revisions list shows), written as an id is: digits from 1.",
        ["slug"] = "The resource's slug (percent-encode non-ASCII letters). " + SlugCase.PathRule,
        ["limit"] = "Items per page, 1 to 100; default 20.",
        ["cursor"] = "The `nextCursor` of the previous page, sent with the same other parameters (filters, `sort`, `q`). Opaque. Not with `page`.",
        ["page"] = "1-based page number, for numbered navigation (costs grow with depth; prefer `cursor`). Not with `cursor`.",
        ["sort"] = "A field name from the allow-list in the operation description, prefixed with `-` for descending.",
        ["mimeType"] = "Only images of this media type, such as `image/jpeg`.",
        ["url"] = "Only images stored with this URL, compared exactly (an absolute http or https URL, as an image's `url`): to find an image before creating it, so that a re-sync makes no second one.",
        ["author"] = "Only articles by this author: one id or slug. Digits name the one whose slug they are when one has it (year tags such as `2025` are common), else the one with that id, never both; an id has no leading zero, so 042 is a slug only. Not a list (a comma is a 400). A client holding an author's id sends `authorId`, which is never read as a slug. " + FollowsEarlierSlug("an", "author") + " " + SlugCase.FilterRule,
        ["tag"] = "Only articles with this tag: one id or slug. Digits name the one whose slug they are when one has it (year tags such as `2025` are common), else the one with that id, never both; an id has no leading zero, so 042 is a slug only. Not a list (a comma is a 400). A client holding a tag's id sends `tagId`, which is never read as a slug. " + FollowsEarlierSlug("a", "tag") + " " + SlugCase.FilterRule,
        ["authorId"] = IdFilter("by any of these authors", "author", "authorId=3,7"),
        ["tagId"] = IdFilter("with any of these tags", "tag", "tagId=5,8"),
        ["imageId"] = $"Only articles showing any of these images, as their cover, placed in their body (in their `imageIds`) or as the avatar of an author they credit: the articles an image's edit changes, whose URLs a CDN purge after it names. " +
            $"By id, comma-separated or repeated (`imageId=12,40`; up to {Paging.MaxIds}, none empty), written as in paths: digits, from 1, without a plus sign or leading zeros (else a 400 naming the item). " +
            "Only articles the caller may see are listed (anonymous callers: live published ones). Combined with the other filters, each narrowing the list. A client that drops an empty array (openapi-fetch does) asks for every article: send at least one id.",
        ["language"] = "Only articles in any of these BCP 47 languages or a more specific one (RFC 4647 basic filtering, case-insensitive), comma-separated or repeated " +
            $"(`language=en,fr`; up to {LanguageRanges.MaxCount}, none empty; a range another one holds, such as `en-GB` beside `en`, changes nothing): `zh` matches `zh`, `zh-Hant` and `zh-TW`; `zh-Hant` matches `zh-Hant-TW` but not `zh-Hans`. " +
            "A Chinese script also matches the regions that write it by default, and such a region its tags with that script written out: `zh-Hant` matches `zh-TW`, `zh-HK` and `zh-MO`, " +
            "`zh-Hans` matches `zh-CN`, `zh-SG` and `zh-MY`, `zh-TW` matches `zh-Hant-TW`; but neither script matches plain `zh` (it names no script), `zh-Hant` does not match `zh-Hans-TW`, and `zh-TW` does not match `zh-Hant` (which may be Hong Kong's). " +
            "Cantonese is matched written `yue` or as the extended `zh-yue` (`yue` matches `zh-yue-HK`); a Chinese script does not match it. " +
            "`*` is every language, as RFC 4647 reads it: the same as leaving the filter out, and only alone (a range with `*` in it, such as `*-TW`, or `*` beside another range, is a 400 naming it).",
        ["publishedAfter"] = "Only articles published at or after this instant: RFC 3339 with an offset, a date (midnight UTC), or a date-time without an offset, read as UTC (NSwag's clients write them so: give them UTC values).",
        ["publishedBefore"] = "Only articles published before this instant; read like publishedAfter.",
        ["updatedAfter"] = "Only articles last updated at or after this instant, read like publishedAfter: what a syncing client asks, with the newest `updatedAt` it has seen and `sort=updatedAt`. Going live moves `updatedAt`, so a scheduled article is taken when it goes live; a deleted or unpublished article is not listed: `GET /deletions` says what left, and when; an edit of an author, tag or image it embeds changes its representation (ETag, Last-Modified) but not its `updatedAt`, so a sync does not see that either (ask `imageId`, `authorId` or `tagId` after such an edit).",
        ["updatedBefore"] = "Only articles last updated before this instant; read like publishedAfter, and later than updatedAfter.",
        ["include"] = "Embedded relations to return, comma-separated: `authors`, `tags`, `coverImage`, `images`; or `none` alone (an empty value says the same). Default: all.",
        ["fields"] = "Top-level fields to return, comma-separated (e.g. `id,slug,title`). Default: all. Only the fields named are sent, required ones too. Unknown names are a 400 listing the allowed ones.",
        ["format"] = "Extra renderings, comma-separated: `html` adds `bodyHtml` and `toc` (sanitized), `text` adds `plainText`; `markdown` (the body) is always there.",
        ["q"] = SearchWords,
    };

    /// <summary>The list parameters of ids (<see cref="ListParameterRules.IdList{T}"/>).</summary>
    private static readonly HashSet<string> IdLists = new(StringComparer.OrdinalIgnoreCase) { "id", "authorId", "tagId", "imageId" };

    private static string IdFilter(string which, string kind, string example) =>
        $"Only articles {which}, by id alone, comma-separated or repeated (`{example}`; up to {Paging.MaxIds}, none empty): what a client holding " +
        $"{kind} ids sends, as `{kind}` reads digits as the slug of the one that has them as its slug. Ids are written as in paths: digits, from 1, without a " +
        $"plus sign or leading zeros (else a 400 naming the item). An id that names no {kind}, or one hidden from the caller, matches nothing. " +
        $"Combined with `{kind}` and the other filters, each narrowing the list.";

    /// <summary>The values of the list parameters that are the same for every operation taking them, and their schemas' names.</summary>
    private static readonly Dictionary<string, NamedValues> ListValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["include"] = new("ArticleInclude", Articles.ArticleView.IncludeValues),
        ["format"] = new("ArticleFormat", Articles.ArticleView.FormatNames),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // The operation's [AsParameters] query records, and their validators.
        var queryRecords = (context.MethodInfo?.GetParameters() ?? [])
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null).Select(p => p.ParameterType).ToList();
        var queryValidators = queryRecords.Select(t => ValidationRulesSchemaFilter.ValidatorOf(services, t)).OfType<FluentValidation.IValidator>().ToList();
        var own = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ParameterDescriptionMetadata>()
            .ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // [AsParameters] records name query parameters after C# properties; the wire names are camelCase.
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } raw && char.IsUpper(raw[0]))
            {
                parameter.Name = char.ToLowerInvariant(raw[0]) + raw[1..];
            }
            if (parameter.In is ParameterLocation.Query or ParameterLocation.Path && parameter.Name is { } ownName && own.TryGetValue(ownName, out var ownMetadata))
            {
                parameter.Description = ownMetadata.Description;
                parameter.Required |= ownMetadata.Required;
                if (ownMetadata.Values is { } values && !ListParameters.Names.Contains(ownName))
                {
                    parameter.Schema = NamedEnum(context, values);
                }
            }
            // Before the query records' XML comments, which say the same for code readers, each in its own words.
            else if (parameter.Name is { } name && Descriptions.TryGetValue(name, out var text))
            {
                parameter.Description = name == "slug" && parameter.In == ParameterLocation.Query
                    ? $"Only these slugs, comma-separated (up to {Paging.MaxSlugs}; none empty). {SlugCase.FilterRule}"
                    : text;
            }
            // An empty value is a 400 (QueryValueCheck and the query validators) for every text parameter but the lists.
            if (parameter.In == ParameterLocation.Query && parameter.Schema is OpenApiSchema { Type: JsonSchemaType.String, Enum: null or [], MinLength: null } textSchema)
            {
                textSchema.MinLength = 1;
            }
            // Ids are given from 1 (SqliteDialect.NextArticleId and the like); 0 or below names nothing (404).
            if (parameter.In == ParameterLocation.Path && parameter.Name is "id" or "version" && parameter.Schema is OpenApiSchema id)
            {
                id.Minimum = "1";
            }
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } list && ListParameters.Names.Contains(list) && !ListParameters.TypedAsText.Contains(list))
            {
                // An array written comma-separated: generated clients type the names, and send them as the API reads them.
                // Empty, include means "none"; fields and format are a 400 ("name at least one"), and so is an empty slug or id list.
                var items = own.GetValueOrDefault(list)?.Values ?? ListValues.GetValueOrDefault(list);
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = items is not null ? NamedEnum(context, items)
                        : IdLists.Contains(list) ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" }
                        : new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
                    MinItems = list == "include" ? null : 1,
                    MaxItems = list == "slug" ? Paging.MaxSlugs : IdLists.Contains(list) ? Paging.MaxIds : null,
                };
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = false;
            }
            if (parameter.In == ParameterLocation.Query && parameter.Schema is OpenApiSchema schema && parameter.Name is { } member)
            {
                var property = char.ToUpperInvariant(member[0]) + member[1..];
                // Bound with its own TryParse, which API descriptions report as a string.
                if (queryRecords.Any(t => t.GetProperty(property)?.PropertyType == typeof(QueryInstant?)))
                {
                    schema.Format = "date-time";
                }
                // A format the query's rule holds the value to, which the rule, being code, cannot state (a url filter's iri).
                if (queryRecords.Select(t => t.GetProperty(property)?.GetCustomAttribute<SchemaFormatAttribute>()?.Format).FirstOrDefault(f => f is not null) is { } format)
                {
                    schema.Format = format;
                }
                // What the query's validator checks (bounds of limit and page: 400 outside them), so that clients can check it too.
                foreach (var validator in queryValidators)
                {
                    ValidationRulesSchemaFilter.DescribeMember(validator, property, schema);
                }
            }
        }
    }

    /// <summary>
    /// A reference to the string enum of these values, defined by the first operation that names it. A schema already
    /// there under the name (such as the request bodies' ArticleStatus) must be that same enum.
    /// </summary>
    private static OpenApiSchemaReference NamedEnum(OperationFilterContext context, NamedValues named)
    {
        if (context.SchemaRepository.Schemas.TryGetValue(named.Schema, out var existing))
        {
            var existingValues = existing.Enum?.Select(v => v?.GetValue<string>()) ?? [];
            if (existing.Type != JsonSchemaType.String || !existingValues.SequenceEqual(named.Values))
            {
                throw new InvalidOperationException($"The schema {named.Schema} is not the string enum {string.Join(", ", named.Values)}.");
            }
        }
        else
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. named.Values.Select(v => (System.Text.Json.Nodes.JsonNode)v)],
            };
            if (EnumMemberNames.Of(named.Values) is { } names)
            {
                EnumMemberNames.Describe(schema, named.Schema, named.Values, names);
            }
            context.SchemaRepository.AddDefinition(named.Schema, schema);
        }
        return new OpenApiSchemaReference(named.Schema, context.Document);
    }
}
