namespace ContentApi.Data;

/// <summary>
/// Paths written with ~ for the home folder, which only a shell expands (and not inside quotes): taken as written, the
/// app made a folder named "~" for the database or the file.
/// </summary>
public static class TildePaths
{
    public static bool StartsWithTilde(string path) =>
        path is "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith(@"~\", StringComparison.Ordinal);
}
