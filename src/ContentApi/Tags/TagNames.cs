using System.Data.Common;
using System.Text;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Tags;

/// <summary>
/// A tag's name is unique as people read it: two names are the same when equal once in NFKC (full-width ＡＩ is AI, a
/// decomposed é is é), lowercased (ς for a σ ending a word, as <see cref="FinalSigmas"/> writes it) and trimmed. Checked
/// in the write, which the one writer thread runs alone, so parallel creates of a name make one tag. Not a unique index:
/// SQLite cannot compute the key, and databases may hold such duplicates from before, which stay.
/// </summary>
public static class TagNames
{
    private const string NamesSql = "SELECT id AS Id, name AS Name FROM tags WHERE id IS NOT @Except ORDER BY id";

    /// <summary>The tag <paramref name="name"/> names, when compared with others.</summary>
    public static string Key(string name) =>
        FinalSigmas.In(NormalizedText.Of(name, NormalizationForm.FormKC).ToLowerInvariant()).Trim();

    /// <summary>
    /// <paramref name="text"/> as name searches compare it (<c>q</c> of the author, tag and image lists): its
    /// <see cref="Key"/> with every sigma written σ, so that a search for the middle of a word finds one that ends it.
    /// </summary>
    public static string SearchKey(string text) => Key(text).Replace('ς', 'σ');

    public static bool AreSame(string name, string other) => string.Equals(Key(name), Key(other), StringComparison.Ordinal);

    /// <summary>The first tag by id, other than <paramref name="except"/>, whose name is the same as <paramref name="name"/>.</summary>
    public static async Task<NamedTag?> FindAsync(DbConnection connection, DbTransaction? transaction, string name, long? except, CancellationToken cancellationToken)
    {
        var key = Key(name);
        var tags = await connection.QueryAsync<NamedTag>(new CommandDefinition(NamesSql, new { Except = except }, transaction, cancellationToken: cancellationToken));
        return tags.FirstOrDefault(tag => string.Equals(Key(tag.Name), key, StringComparison.Ordinal));
    }
}

/// <summary>A tag's id and stored name.</summary>
public sealed record NamedTag(long Id, string Name);
