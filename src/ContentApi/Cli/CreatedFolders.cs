namespace ContentApi.Cli;

/// <summary>
/// The folders a command is about to create on the way to its output, so that a command that fails or is stopped can
/// remove them again and leave the disk as it found it.
/// </summary>
internal sealed class CreatedFolders
{
    private readonly List<string> _missing = [];

    private CreatedFolders(string folder)
    {
        for (var current = folder; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            _missing.Add(current); // innermost first
        }
    }

    /// <summary>Notes which folders on the way to <paramref name="folder"/> do not exist yet, then creates them for their owner only.</summary>
    public static CreatedFolders Create(string folder)
    {
        var created = new CreatedFolders(folder);
        Data.PrivateFiles.CreateFolder(folder);
        return created;
    }

    /// <summary>Removes the folders this made that are still empty.</summary>
    public void RemoveEmpty()
    {
        foreach (var folder in _missing)
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Something else put a file there meanwhile: it stays, and so does its folder.
            }
        }
    }
}
