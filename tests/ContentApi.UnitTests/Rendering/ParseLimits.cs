namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A parse time limit no test about content should meet: with the app's one second, a slow moment of a loaded machine
/// turned "nests too deeply" or "stored as usual" into "took too long to parse". Only TimedMarkdownParseTests time parses.
/// </summary>
internal static class ParseLimits
{
    public static readonly TimeSpan Unhurried = TimeSpan.FromMinutes(1);
}
