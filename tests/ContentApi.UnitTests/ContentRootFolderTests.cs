namespace ContentApi.UnitTests;

public sealed class ContentRootFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("content-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string relative, params string[] files)
    {
        var folder = Path.Combine(_root, relative);
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), "{}");
        }
        return folder;
    }

    [Fact]
    public void The_current_folder_when_it_holds_the_settings()
    {
        var current = Folder("app", "appsettings.json");
        var binaries = Folder("src/ContentApi/bin/Debug/net10.0", "appsettings.json");
        Folder("src/ContentApi", "appsettings.json", "ContentApi.csproj");

        Assert.Equal(current, ContentRootFolder.Choose(current, binaries));
    }

    [Theory]
    [InlineData("bin/Debug/net10.0")]
    [InlineData("bin/Release/net10.0/")]
    [InlineData("bin/Debug/net10.0/linux-x64")] // dotnet run -r linux-x64
    [InlineData("bin/Release/net10.0/linux-musl-x64/")]
    public void The_project_folder_for_a_build_run_from_its_source_tree_elsewhere(string build)
    {
        var project = Folder("src/ContentApi", "appsettings.json", "ContentApi.csproj");
        var binaries = Folder(Path.Combine("src/ContentApi", build), "appsettings.json");

        Assert.Equal(project, ContentRootFolder.Choose(Folder("shell"), binaries));
    }

    [Fact]
    public void The_binaries_folder_of_a_published_app_started_elsewhere()
    {
        var binaries = Folder("opt/contentapi/bin/Release/net10.0", "appsettings.json");
        Folder("opt/contentapi", "appsettings.json");

        Assert.Equal(binaries, ContentRootFolder.Choose(Folder("shell"), binaries));
    }

    [Fact]
    public void The_binaries_folder_outside_a_bin_layout()
    {
        var binaries = Folder("app", "appsettings.json");

        Assert.Equal(binaries, ContentRootFolder.Choose(Folder("shell"), binaries));
    }
}
