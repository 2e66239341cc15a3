namespace ContentApi.Transfer;

/// <summary>
/// An export's files, checked before they are opened: opening a named pipe (or a device) waits for a writer, for ever,
/// and no stop signal ends that wait. Such files report no length, as an empty one does (an empty table's file is empty).
/// </summary>
internal static class ExportFiles
{
    public const string NoLength = "is empty, or is not a regular file (a named pipe or a device)";

    /// <summary>The file's length in bytes, a link's being its target's; a file missing (or a folder) is refused, naming it.</summary>
    public static long Length(string path)
    {
        try
        {
            var file = new FileInfo(path);
            var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
            return target.Exists ? target.Length : throw new InvalidDataException($"{path} is missing, or is a folder: not a whole export.");
        }
        catch (IOException exception) when (exception is not FileNotFoundException)
        {
            throw new InvalidDataException($"{path} cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>The file opened for reading; one that cannot be (its permissions) is refused in one line, naming it.</summary>
    public static FileStream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path} cannot be read: {exception.Message}", exception);
        }
    }
}
