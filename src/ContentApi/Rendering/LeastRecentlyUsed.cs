using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Rendering;

/// <summary>
/// Values by key, bounded by the sum of their sizes: a new value makes room for itself by dropping the values used
/// least recently, whatever its size up to the whole bound. <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/>
/// refuses a value that does not fit and then frees only a twentieth of its bound, so once full it never kept a value
/// larger than that, which were the renderings most worth keeping. Callers that miss a key while its value is being made
/// wait for that one to be made rather than each making it: ten first reads of a heavy article at once (a cold CDN
/// just after publishing) each rendered it in full.
/// </summary>
internal sealed class LeastRecentlyUsed<T>(long capacity) where T : class
{
    private sealed record Entry(string Key, T Value, long Size);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byLastUse = new();
    private readonly Dictionary<string, Lazy<T>> _making = new(StringComparer.Ordinal);
    private long _size;

    /// <summary>
    /// The value kept under <paramref name="key"/>, else <paramref name="make"/>'s, kept as <paramref name="sizeOf"/> it
    /// says; made once for all the callers that miss it meanwhile. What <paramref name="make"/> throws reaches each of
    /// them, and nothing is kept: the next caller makes it again.
    /// </summary>
    public T GetOrAdd(string key, Func<T> make, Func<T, long> sizeOf)
    {
        Lazy<T>? making;
        lock (_lock)
        {
            if (TryGetHeld(key, out var value))
            {
                return value;
            }
            if (!_making.TryGetValue(key, out making))
            {
                making = new Lazy<T>(() =>
                {
                    var made = make();
                    Set(key, made, sizeOf(made));
                    return made;
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                _making.Add(key, making);
            }
        }
        try
        {
            return making.Value;
        }
        finally
        {
            lock (_lock)
            {
                if (_making.TryGetValue(key, out var current) && current == making)
                {
                    _making.Remove(key);
                }
            }
        }
    }

    public bool TryGet(string key, [NotNullWhen(true)] out T? value)
    {
        lock (_lock)
        {
            return TryGetHeld(key, out value);
        }
    }

    private bool TryGetHeld(string key, [NotNullWhen(true)] out T? value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _byLastUse.Remove(node);
            _byLastUse.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> unless it alone is larger than the bound.</summary>
    public void Set(string key, T value, long size)
    {
        if (size > capacity)
        {
            return;
        }
        lock (_lock)
        {
            if (_entries.Remove(key, out var replaced))
            {
                Drop(replaced);
            }
            while (_size + size > capacity && _byLastUse.Last is { } leastRecent)
            {
                _entries.Remove(leastRecent.Value.Key);
                Drop(leastRecent);
            }
            _entries[key] = _byLastUse.AddFirst(new Entry(key, value, size));
            _size += size;
        }
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _byLastUse.Remove(node);
        _size -= node.Value.Size;
    }
}
