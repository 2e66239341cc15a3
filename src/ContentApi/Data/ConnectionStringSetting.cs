using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// ConnectionStrings:Content, checked with the other settings before the database is touched. Microsoft.Data.Sqlite
/// would refuse some values only as the first connection opens (an unhandled exception, exit 134), and take others
/// that the app cannot serve from.
/// </summary>
public static class ConnectionStringSetting
{
    public const string Name = "ConnectionStrings:Content";

    /// <summary>
    /// The first other connection string configured, named as a setting that is not one: the app has one database, and
    /// a misspelt name (<c>ConnectionStrings__Contents</c>) was ignored while the default database was migrated and served.
    /// </summary>
    public static string? OtherName(IConfiguration configuration) =>
        configuration.GetSection("ConnectionStrings").GetChildren().FirstOrDefault(child => !child.Key.Equals("Content", StringComparison.OrdinalIgnoreCase)) is { } other
            ? $"ConnectionStrings:{other.Key} is not a setting; the database's connection string is {Name}."
            : null;

    /// <summary>What is wrong with the configured value, in one line naming the setting; null when it can be used.</summary>
    public static string? Problem(string? configured)
    {
        if (configured is null)
        {
            return null;
        }
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException exception)
        {
            // The message may quote the value, which can hold a password: say what is wrong, not what was written.
            return $"{Name} is not a SQLite connection string ({FirstSentence(exception.Message)}).";
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            // A keyword's value of the wrong type (Pooling=maybe, Default Timeout=abc) fails its conversion, which names
            // neither the keyword nor the setting; the value quoted is that keyword's, never the password's (any text).
            return $"{Name} is not a SQLite connection string ({KeywordRefusing(configured)} {FirstSentence(exception.Message)}).";
        }
        if (!string.IsNullOrEmpty(builder.Password))
        {
            return $"{Name} names a Password, but this build's SQLite does not encrypt databases: remove it.";
        }
        if (builder.DataSource.Length == 0 && builder.Mode != SqliteOpenMode.Memory)
        {
            return $"{Name} names no file (it is empty, or has no Data Source): give one (Data Source=PATH), or leave the setting out for the default.";
        }
        if (builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // Taken as a path relative to the app's folder, it made a folder named "file:" there for the database.
            return $"{Name} names the file as a SQLite URI (file:...), which this app does not read: give its path (Data Source=PATH) and any options as keywords (Mode=ReadWriteCreate).";
        }
        if (TildePaths.StartsWithTilde(builder.DataSource))
        {
            return $"{Name} starts its path with ~, which only a shell expands: give the full path (Data Source=/home/me/content.db).";
        }
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:")
        {
            return $"{Name} names an in-memory database, which each connection would see empty: give a file (Data Source=PATH).";
        }
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            // Taken, the server started healthy and answered every write 503, telling the operator to check the file's
            // permissions, which were fine.
            return $"{Name} opens the database read-only (Mode=ReadOnly), but the app writes to it (migrations, content, keys' last use): remove Mode.";
        }
        return null;
    }

    private static string KeywordRefusing(string configured)
    {
        var parts = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        foreach (string keyword in parts.Keys)
        {
            try
            {
                _ = new SqliteConnectionStringBuilder { [keyword] = parts[keyword] };
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                return $"keyword '{keyword}':";
            }
        }
        return "a keyword's value:";
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message.TrimEnd('.');
}
