using ContentApi.Data;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Keeps the app's writer busy with a write of its own until disposed, so that the writes sent meanwhile queue up behind it.</summary>
internal sealed class WriterHeld : IAsyncDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int> _held = Task.FromResult(0);

    public static async Task<WriterHeld> StartAsync(Db db)
    {
        var holder = new WriterHeld();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        holder._held = db.WriteAsync(async (_, _) =>
        {
            running.SetResult();
            await holder._release.Task;
            return 0;
        }, CancellationToken.None, changesContent: false);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return holder;
    }

    public async ValueTask DisposeAsync()
    {
        _release.SetResult();
        await _held;
    }
}
