namespace ContentApi.Import;

/// <summary>
/// A file or folder whose name is not valid UTF-8 (one copied from a Latin-1 or Shift_JIS system): .NET gives the name
/// back with U+FFFD where such bytes are, a name that opens nothing, so reading it said only "Could not find file".
/// </summary>
internal static class NonUtf8Name
{
    public const string Why = "its name is not valid UTF-8 (shown with U+FFFD, \uFFFD, where its bytes are not), so it cannot be opened by that name: rename it in UTF-8 to import it";

    public static bool Is(string path) => Path.GetFileName(path).Contains('\uFFFD', StringComparison.Ordinal) && !Path.Exists(path);
}
