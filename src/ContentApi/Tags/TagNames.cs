using System.Data.Common;
using System.Text;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Tags;

/// <summary>
/// A tag's name is unique as people read it: two names are the same when equal once in NFKC (full-width ＡＩ is AI, a
/// decomposed é is é), without the format characters a slug leaves out ("台北\u200B市" is 台北市, "A\u00ADI" AI),
/// lowercased (ς for a σ ending a word, as <see cref="FinalSigmas"/> writes it) and trimmed. Checked in the write, which
/// the one writer thread runs alone, so parallel creates of a name make one tag, by the key stored with each tag
/// (<c>tags.name_key</c>, indexed). Not a unique index: databases may hold such duplicates from before, which stay.
/// </summary>
public static class TagNames
{
    internal static readonly string FindSql = $"SELECT id AS Id, name AS Name FROM tags WHERE name_key = @Key AND {Data.SqliteDialect.Differs("id", "@Except")} ORDER BY id LIMIT 1";

    /// <summary>
    /// The tag <paramref name="name"/> names, when compared with others. Stored (<c>tags.name_key</c>, and in
    /// <see cref="SearchKey"/> form every <c>search_key</c>: <see cref="Data.FoldedKeys"/>): a build that changes this
    /// rule adds a migration recomputing the stored keys (as 0026 computes them, by <see cref="Data.FoldedKeys.RecomputeSql"/>),
    /// or rows keyed by the older rule are neither found as the same name nor by <c>q</c>.
    /// </summary>
    public static string Key(string name) =>
        FinalSigmas.In(FormatCharacters.LeftOutOfWords(NormalizedText.Of(name, NormalizationForm.FormKC)).ToLowerInvariant()).Trim();

    /// <summary>
    /// <paramref name="text"/> as name searches compare it (<c>q</c> of the author, tag and image lists): its
    /// <see cref="Key"/> with every sigma written σ, so that a search for the middle of a word finds one that ends it.
    /// </summary>
    public static string SearchKey(string text) => Key(text).Replace('ς', 'σ');

    public static bool AreSame(string name, string other) => string.Equals(Key(name), Key(other), StringComparison.Ordinal);

    /// <summary>The first tag by id, other than <paramref name="except"/>, whose name is the same as <paramref name="name"/>.</summary>
    public static Task<NamedTag?> FindAsync(DbConnection connection, DbTransaction? transaction, string name, long? except, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<NamedTag?>(new CommandDefinition(FindSql, new { Key = Key(name), Except = except }, transaction, cancellationToken: cancellationToken));
}

/// <summary>A tag's id and stored name.</summary>
public sealed record NamedTag(long Id, string Name);
