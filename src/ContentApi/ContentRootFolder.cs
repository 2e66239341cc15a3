namespace ContentApi;

/// <summary>
/// The folder that holds the app's settings and its default <c>data/content.db</c>: the current folder when it holds
/// <c>appsettings.json</c> (Docker's WORKDIR, a published app started in its folder); else, for a build run from its
/// source tree (<c>dotnet run</c>, which starts the app in the shell's folder, or <c>dotnet
/// src/ContentApi/bin/Release/net10.0/ContentApi.dll</c>), the project folder above <c>bin/CONFIGURATION/FRAMEWORK</c>,
/// so both use the same database; else the folder of the binaries, where a published app keeps its settings.
/// </summary>
internal static class ContentRootFolder
{
    private const string Settings = "appsettings.json";

    public static string Choose(string currentFolder, string binariesFolder)
    {
        if (File.Exists(Path.Combine(currentFolder, Settings)))
        {
            return currentFolder;
        }
        return ProjectAbove(binariesFolder) ?? binariesFolder;
    }

    private static string? ProjectAbove(string binariesFolder)
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(binariesFolder));
        var project = framework.Parent is { Parent: { Name: "bin", Parent: { } above } } ? above : null;
        return project is not null && File.Exists(Path.Combine(project.FullName, Settings))
            && File.Exists(Path.Combine(project.FullName, "ContentApi.csproj")) ? project.FullName : null;
    }
}
