using ContentApi.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Caching;

/// <summary>
/// The anonymous responses <see cref="AnonymousResponseCache"/> keeps, bounded by what they really take in memory and
/// dropped as soon as the content changes (they can never be served again). Counting only the body and the key let a
/// stream of distinct small answers (search misses of 60 bytes, each costing ~450) grow the cache to about five times
/// its limit, and entries of past content stayed until the process ran out of memory.
/// </summary>
public sealed class ResponseCacheStore : IDisposable
{
    /// <summary>What an entry costs besides its body, key and headers: the cache's entry, the record, arrays, strings' headers.</summary>
    internal const int EntryOverheadBytes = 512;

    // A MemoryCache refuses an entry that does not fit and then frees CompactionPercentage of its limit (default 5%):
    // once full, it never kept an entry past that, and the largest kept (MaxBodyBytes) are a sixteenth.
    private readonly MemoryCache _entries;
    private readonly Lock _contentLock = new();
    private readonly IOptions<CachingOptions> _options;
    private readonly Db? _db;
    private (long Epoch, long Version) _content;
    private bool _disposed;

    /// <param name="db">Whose writes drop the entries at once; without it they go at the next <see cref="Find"/> or <see cref="Keep"/>.</param>
    public ResponseCacheStore(IOptions<CachingOptions> options, Db? db = null)
    {
        _options = options;
        _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.ResponseCacheBytes, CompactionPercentage = 0.10, TrackStatistics = true });
        _db = db;
        if (db is not null)
        {
            db.ContentWritten += DropAfterWrite;
        }
    }

    /// <param name="HasLastModified">Then it is sent with a Date of its own (see <see cref="HttpDate"/>).</param>
    public sealed record Entry(ContentState State, int StatusCode, byte[] Body, string? ContentType, KeyValuePair<string, string>[] Headers, bool HasLastModified);

    /// <summary>The largest body kept: one response may not crowd out the rest.</summary>
    public long MaxBodyBytes => _options.Value.ResponseCacheBytes / 16;

    public long Count => _entries.Count;

    public long EstimatedBytes => _entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The entry made in <paramref name="state"/>; null when there is none (entries of earlier content are dropped here).</summary>
    public Entry? Find(string key, ContentState state)
    {
        DropEntriesOfEarlierContent(state);
        return _entries.TryGetValue(key, out Entry? entry) && entry!.State == state ? entry : null;
    }

    public void Keep(string key, Entry entry)
    {
        if (entry.Body.Length > MaxBodyBytes)
        {
            return;
        }
        DropEntriesOfEarlierContent(entry.State);
        var size = entry.Body.Length + 2L * key.Length + entry.Headers.Sum(header => 2L * (header.Key.Length + header.Value.Length)) + EntryOverheadBytes;
        _entries.Set(key, entry, new MemoryCacheEntryOptions { Size = size });
    }

    /// <summary>
    /// Waiting for the next read kept them all through a stretch of writes alone (an import, the benchmark's creates),
    /// ~25 MB for 2,000 cached articles beside the writes' own memory. Runs on the writer's thread, which must only
    /// signal: the clearing is queued.
    /// </summary>
    private void DropAfterWrite()
    {
        if (_entries.Count > 0 && _db!.KnownContentState is { } state)
        {
            ThreadPool.QueueUserWorkItem(DropEntriesOfEarlierContent, state, preferLocal: false);
        }
    }

    internal void DropEntriesOfEarlierContent(ContentState state)
    {
        // Content moves on in this order: the epoch advances when time or a restore changes it (the version may then
        // go back), the version with every write.
        var content = (state.Epoch, state.Version);
        if (content == _content)
        {
            return;
        }
        lock (_contentLock)
        {
            if (!_disposed && content.CompareTo(_content) > 0)
            {
                _entries.Clear();
                _content = content;
            }
        }
    }

    /// <summary>A drop a write queued just before may still run: under the lock it finds the cache disposed and does nothing.</summary>
    public void Dispose()
    {
        if (_db is not null)
        {
            _db.ContentWritten -= DropAfterWrite;
        }
        lock (_contentLock)
        {
            _disposed = true;
            _entries.Dispose();
        }
    }
}
