namespace ContentApi.Import;

/// <summary>
/// wordpress-export-to-markdown writes a post's cover as the bare name of the file it saved in the post's <c>images/</c>
/// folder (<c>coverImage: beach.jpg</c>, where the body has <c>images/beach.jpg</c>), and a browser on the post's page
/// would look for that name beside the post: a bare name that is no file beside the post but one in its <c>images/</c>
/// folder is that file.
/// </summary>
public static class CoverInImagesFolder
{
    public const string Folder = "images/";

    /// <summary><paramref name="written"/>, or the path of the file of that name in the post's images folder.</summary>
    /// <param name="fileExistsBeside">Whether a path relative to the post's folder names a file; null: nothing is looked at.</param>
    public static string PathOf(string written, Func<string, bool>? fileExistsBeside)
    {
        if (fileExistsBeside is null || written.Trim() is "" or "." or ".." || written.IndexOfAny(['/', '\\', ':', '?', '#']) >= 0 || fileExistsBeside(written))
        {
            return written;
        }
        return fileExistsBeside(Folder + written) ? Folder + written : written;
    }
}
