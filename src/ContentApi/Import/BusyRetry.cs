namespace ContentApi.Import;

/// <summary>
/// How an import waits out another process's write (a seed, a long server write): a few tries, each after a longer
/// pause, before the file is reported.
/// </summary>
internal static class BusyRetry
{
    public const int Attempts = 5;

    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
}
