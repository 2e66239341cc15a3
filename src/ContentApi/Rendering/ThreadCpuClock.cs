using System.Globalization;

namespace ContentApi.Rendering;

/// <summary>The processor time one thread has used, readable from another thread.</summary>
internal interface IThreadCpuClock
{
    /// <summary>Its time on a processor so far; null when it cannot be read.</summary>
    TimeSpan? Used { get; }
}

/// <summary>
/// Linux's account of a thread's time on a processor (the first field of <c>/proc/…/task/TID/schedstat</c>, in
/// nanoseconds, brought up to date at each scheduler tick). Where there is no such file (another system, or a kernel
/// built without it) <see cref="Used"/> is null.
/// </summary>
internal sealed class ThreadCpuClock(string? schedstatPath) : IThreadCpuClock
{
    /// <summary>The clock of the calling thread: <c>/proc/thread-self</c> links to its own folder.</summary>
    public static IThreadCpuClock OfCurrentThread()
    {
        try
        {
            return new ThreadCpuClock(new DirectoryInfo("/proc/thread-self").LinkTarget is { } folder ? Path.Combine("/proc", folder, "schedstat") : null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ThreadCpuClock(null);
        }
    }

    public TimeSpan? Used
    {
        get
        {
            if (schedstatPath is null)
            {
                return null;
            }
            try
            {
                var fields = File.ReadAllText(schedstatPath).Split(' ', 2);
                return long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds)
                    ? TimeSpan.FromTicks(nanoseconds / (1_000_000_000 / TimeSpan.TicksPerSecond))
                    : null;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
