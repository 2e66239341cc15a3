namespace ContentApi.TestSupport;

/// <summary>The app on a database file the test chose, which outlives the app (an <see cref="ApiFactory"/>'s own is deleted with it).</summary>
public sealed class OnDatabaseFile(string databasePath) : ApiFactory
{
    public override string DatabasePath => databasePath;
}
