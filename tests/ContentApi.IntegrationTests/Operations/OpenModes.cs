namespace ContentApi.IntegrationTests.Operations;

/// <summary>Modes that let a command run as another user (nobody, when the tests run as root) reach a file.</summary>
internal static class OpenModes
{
    /// <summary>rw-rw-rw-</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>rwxrwxrwx</summary>
    public const UnixFileMode Folder = File | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Who a command runs as to be refused what only the owner may do: nobody, when the tests run as root; else the tests' user.</summary>
    public static string? OtherUser => Environment.UserName == "root" ? "65534" : null;
}
