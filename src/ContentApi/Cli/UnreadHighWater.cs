namespace ContentApi.Cli;

/// <summary>
/// What <c>restore</c> says when the replaced database is too damaged to give the highest ids, versions or content
/// version it handed out: the restored database is not moved past what it cannot read, so those may be handed out again.
/// </summary>
public static class UnreadHighWater
{
    public const string Ids = "id high-water marks";
    public const string Versions = "version high-water marks";
    public const string ContentVersion = "content version";

    /// <summary>One line naming what could not be read (<see cref="Ids"/>, <see cref="Versions"/>, <see cref="ContentVersion"/>) and what it means.</summary>
    public static string Warning(IReadOnlyList<string> unread)
    {
        var meaning = unread.Select(what => what switch
        {
            Ids => "ids given since the snapshot may be given again",
            Versions => "ETag versions given since the snapshot may be given again",
            _ => "the content version may repeat one given before the restore",
        });
        return $"The replaced database's {string.Join(", ", unread)} could not be read (it is damaged), so the restored database was not moved past them: " +
            $"{string.Join("; ", meaning)}. Caches or clients holding ETags or ids from before the restore may see them reused for other content.";
    }
}
