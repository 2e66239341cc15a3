namespace ContentApi.Idempotency;

/// <summary>
/// One asynchronous lock per key, kept only while a caller holds it or waits for it: memory stays bounded by the
/// requests in flight, and callers with different keys never wait for each other.
/// </summary>
public sealed class KeyedLocks
{
    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Callers holding or waiting for it; changed under the dictionary's lock.</summary>
        public int Users { get; set; }
    }

    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Callers holding or waiting for a key's lock now (for tests).</summary>
    internal int KeysInUse
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>Waits for <paramref name="key"/>'s lock; disposing the result releases it.</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                _gates[key] = gate = new Gate();
            }
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }
        return new Held(this, key, gate);
    }

    private void Leave(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
            }
        }
    }

    private sealed class Held(KeyedLocks locks, string key, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                locks.Leave(key, gate);
            }
        }
    }
}
