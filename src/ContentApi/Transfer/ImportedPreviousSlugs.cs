using System.Data.Common;
using System.Text.Json;
using ContentApi.Data;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Transfer;

/// <summary>
/// The earlier slugs of an imported article, author or tag (<see cref="ExportFormat.PreviousSlugsProperty"/>): read,
/// checked against the others' of its kind and kept.
/// </summary>
internal static class ImportedPreviousSlugs
{
    /// <summary>An article's earlier slugs: a list of slugs under the API's rules.</summary>
    internal static string[] PreviousSlugs(string table, JsonElement value, string path, int lineNumber)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' must be a list of slugs.");
        }
        var slugs = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var slug = item.ValueKind == JsonValueKind.String ? ImportedColumnRules.Stored(table, "slug", item.GetString()) as string : null;
            if (slug is null || ImportedColumnRules.Problem(table, "slug", slug) is not null)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds {item.GetRawText()}, which is no slug the API takes: {TextRules.SlugMessage}");
            }
            if (slugs.Contains(slug))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds '{slug}' twice.");
            }
            slugs.Add(slug);
        }
        return [.. slugs];
    }

    /// <summary>A slug that one before it in the file kept as an earlier one: the API never leaves both.</summary>
    internal static async Task RefuseSlugKeptByAnotherAsync(
        DbConnection connection, DbTransaction transaction, SluggedTable owners, long id, string path, int lineNumber, CancellationToken cancellationToken)
    {
        var (aliases, owner) = SlugAliases.Of(owners);
        var kept = await connection.QueryFirstOrDefaultAsync<(long OwnerId, string Slug)?>(new CommandDefinition(
            $"SELECT s.{owner}, s.slug FROM {TableOf(owners)} a JOIN {aliases} s ON s.slug = a.slug WHERE a.id = @Id",
            new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (kept is { } earlier)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: 'slug' is '{earlier.Slug}', which {NounOf(owners)} {earlier.OwnerId} has as an earlier slug ('{ExportFormat.PreviousSlugsProperty}').");
        }
    }

    /// <summary>
    /// Each earlier slug leads to its article again. One that two articles had, or one that is an article's slug, is
    /// refused: the API never leaves either.
    /// </summary>
    internal static async Task AddPreviousSlugsAsync(
        DbConnection connection, DbTransaction transaction, SluggedTable owners, long id, string[] slugs, string path, int lineNumber, CancellationToken cancellationToken)
    {
        var keep = owners == SluggedTable.Articles ? Articles.ArticleQueries.KeepOldSlug : SlugAliases.KeepSql(owners);
        foreach (var slug in slugs)
        {
            var holder = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                SlugAllocator.HoldersSql(owners), new { Slug = slug }, transaction, cancellationToken: cancellationToken));
            if (holder is { } other)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds '{slug}', which {NounOf(owners)} {other} has as its slug or an earlier one.");
            }
            await connection.ExecuteAsync(new CommandDefinition(keep, new { Slug = slug, Id = id }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static string TableOf(SluggedTable owners) => owners switch
    {
        SluggedTable.Articles => "articles",
        SluggedTable.Authors => "authors",
        _ => "tags",
    };

    private static string NounOf(SluggedTable owners) => TableOf(owners).TrimEnd('s');
}
