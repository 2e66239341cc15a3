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
/// The <see cref="IBeforeCommit"/> work registered on each write transaction. The writer (Db.Commit.cs) runs it after
/// the last write; a transaction that is rolled back simply forgets it.
/// </summary>
public static class BeforeCommit
{
    private sealed class Registrations
    {
        public List<IBeforeCommit> Work { get; } = [];

        /// <summary>How many times a write asked for the work (and so may have added to it).</summary>
        public int Uses { get; set; }
    }

    private static readonly ConditionalWeakTable<DbTransaction, Registrations> Registered = new();

    /// <summary>The transaction's one <typeparamref name="T"/>, registered the first time it is asked for.</summary>
    public static T Of<T>(DbTransaction transaction) where T : class, IBeforeCommit, new()
    {
        var registrations = Registered.GetOrCreateValue(transaction);
        registrations.Uses++;
        if (registrations.Work.OfType<T>().FirstOrDefault() is { } existing)
        {
            return existing;
        }
        var created = new T();
        registrations.Work.Add(created);
        return created;
    }

    /// <summary>The transaction's <typeparamref name="T"/>, if anything registered one.</summary>
    public static T? Find<T>(DbTransaction transaction) where T : class, IBeforeCommit =>
        Registered.TryGetValue(transaction, out var registrations) ? registrations.Work.OfType<T>().FirstOrDefault() : null;

    /// <summary>How many times the transaction's writes have asked for work so far: unchanged means none added any.</summary>
    internal static int Uses(DbTransaction transaction) => Registered.TryGetValue(transaction, out var registrations) ? registrations.Uses : 0;

    internal static async Task RunAsync(SqliteConnection connection, DbTransaction transaction)
    {
        if (!Registered.TryGetValue(transaction, out var registrations))
        {
            return;
        }
        Registered.Remove(transaction);
        foreach (var work in registrations.Work)
        {
            await work.RunAsync(connection, transaction);
        }
    }
}
