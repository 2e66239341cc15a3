using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>Work that a write transaction does once, after every write in it and just before it commits.</summary>
public interface IBeforeCommit
{
    Task RunAsync(SqliteConnection connection, DbTransaction transaction);
}

/// <summary>
/// The <see cref="IBeforeCommit"/> work registered on each write transaction. The writer (Db.Writes.cs) runs it after
/// the last write; a transaction that is rolled back simply forgets it.
/// </summary>
public static class BeforeCommit
{
    private static readonly ConditionalWeakTable<DbTransaction, List<IBeforeCommit>> Registered = new();

    /// <summary>The transaction's one <typeparamref name="T"/>, registered the first time it is asked for.</summary>
    public static T Of<T>(DbTransaction transaction) where T : class, IBeforeCommit, new()
    {
        var registered = Registered.GetOrCreateValue(transaction);
        if (registered.OfType<T>().FirstOrDefault() is { } existing)
        {
            return existing;
        }
        var created = new T();
        registered.Add(created);
        return created;
    }

    /// <summary>The transaction's <typeparamref name="T"/>, if anything registered one.</summary>
    public static T? Find<T>(DbTransaction transaction) where T : class, IBeforeCommit =>
        Registered.TryGetValue(transaction, out var registered) ? registered.OfType<T>().FirstOrDefault() : null;

    internal static async Task RunAsync(SqliteConnection connection, DbTransaction transaction)
    {
        if (!Registered.TryGetValue(transaction, out var registered))
        {
            return;
        }
        Registered.Remove(transaction);
        foreach (var work in registered)
        {
            await work.RunAsync(connection, transaction);
        }
    }
}
