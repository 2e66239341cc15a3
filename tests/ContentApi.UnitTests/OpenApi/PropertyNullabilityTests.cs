using System.Reflection;
using ContentApi.Articles;
using ContentApi.OpenApi;

namespace ContentApi.UnitTests.OpenApi;

public sealed class PropertyNullabilityTests
{
    [Fact]
    public void Reads_nullable_references_and_values_and_non_nullable_ones()
    {
        Assert.True(PropertyNullability.IsNullable(typeof(ArticleResponse).GetProperty(nameof(ArticleResponse.Subtitle))!));
        Assert.True(PropertyNullability.IsNullable(typeof(ArticleResponse).GetProperty(nameof(ArticleResponse.PublishedAt))!));
        Assert.False(PropertyNullability.IsNullable(typeof(ArticleResponse).GetProperty(nameof(ArticleResponse.Title))!));
        Assert.False(PropertyNullability.IsNullable(typeof(ArticleResponse).GetProperty(nameof(ArticleResponse.Version))!));
    }

    [Fact]
    public void Answers_callers_on_many_threads_at_once()
    {
        // Each OpenAPI request generates the document on its own thread; a context shared between them threw
        // "An item with the same key has already been added" (a 500) while its cache was filling.
        var types = typeof(ArticleResponse).Assembly.GetTypes().Where(t => t.IsPublic && t.GetProperties().Length > 0).ToList();
        const int threads = 8;
        using var together = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            foreach (var type in types)
            {
                together.SignalAndWait();
                try
                {
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        PropertyNullability.IsNullable(property);
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(exception);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Empty(failures);
    }
}
