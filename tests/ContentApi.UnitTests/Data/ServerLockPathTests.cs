using ContentApi.Data;

namespace ContentApi.UnitTests.Data;

/// <summary>A database reached through a symbolic link got a lock of its own, so restore replaced it under a running server (operator).</summary>
public sealed class ServerLockPathTests
{
    [Fact]
    public void The_lock_is_beside_the_file_itself_whichever_link_leads_to_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-serverlock", Guid.NewGuid().ToString("N"));
        var real = Path.Combine(root, "real");
        Directory.CreateDirectory(real);
        var database = Path.Combine(real, "content.db");
        File.WriteAllText(database, "");
        File.CreateSymbolicLink(Path.Combine(root, "link.db"), database);
        Directory.CreateSymbolicLink(Path.Combine(root, "folder-link"), real);
        File.CreateSymbolicLink(Path.Combine(root, "relative.db"), Path.Combine("folder-link", "content.db"));

        var expected = ServerLock.PathFor($"Data Source={database}");
        Assert.EndsWith(Path.Combine("real", "content.db.lock"), expected, StringComparison.Ordinal);
        foreach (var path in new[] { database, Path.Combine(root, "link.db"), Path.Combine(root, "folder-link", "content.db"), Path.Combine(root, "relative.db"), Path.Combine(real, "..", "real", "content.db") })
        {
            Assert.Equal(expected, ServerLock.PathFor($"Data Source={path}"));
        }
    }

    /// <summary>".." after a link was applied to the text, leaving the link's folder; the kernel leaves where it led (review).</summary>
    [Fact]
    public void A_parent_step_after_a_link_leaves_the_folder_the_link_led_to()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-serverlock", Guid.NewGuid().ToString("N"));
        var deep = Path.Combine(root, "a", "b");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(root, "a", "content.db"), "");
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), deep);

        var throughLink = ServerLock.PathFor($"Data Source={root}{Path.DirectorySeparatorChar}link{Path.DirectorySeparatorChar}..{Path.DirectorySeparatorChar}content.db");

        Assert.Equal(ServerLock.PathFor($"Data Source={Path.Combine(root, "a", "content.db")}"), throughLink);
        Assert.EndsWith(Path.Combine("a", "content.db.lock"), throughLink, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_not_made_yet_and_a_link_loop_end()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-serverlock", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.CreateSymbolicLink(Path.Combine(root, "loop"), Path.Combine(root, "loop"));

        Assert.EndsWith("new.db.lock", ServerLock.PathFor($"Data Source={Path.Combine(root, "new.db")}"), StringComparison.Ordinal);
        Assert.EndsWith("loop.lock", ServerLock.PathFor($"Data Source={Path.Combine(root, "loop")}"), StringComparison.Ordinal);
    }

    /// <summary>A server before this rule, reached through a link, holds LINK.lock: a newer restore must still see it (review).</summary>
    [Fact]
    public void A_lock_held_beside_the_link_is_seen_too()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentapi-serverlock", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var database = Path.Combine(root, "content.db");
        File.WriteAllText(database, "");
        var link = Path.Combine(root, "link.db");
        File.CreateSymbolicLink(link, database);
        var connectionString = $"Data Source={link}";
        Assert.False(ServerLock.IsHeld(connectionString));

        using (new FileStream(link + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            Assert.True(ServerLock.IsHeld(connectionString));
        }
        Assert.False(ServerLock.IsHeld(connectionString));
    }
}
