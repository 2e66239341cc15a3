namespace ContentApi.TestSupport;

/// <summary>Another instance of the app on the database of <paramref name="first"/>, as a second server process would be.</summary>
public sealed class SecondInstance(ApiFactory first) : ApiFactory
{
    public override string DatabasePath => first.DatabasePath;
}
