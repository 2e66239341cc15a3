namespace ContentApi;

/// <summary>
/// The folder that holds the app's settings and its default <c>data/content.db</c>: the current folder when it holds
/// <c>appsettings.json</c> (Docker's WORKDIR, a published app started in its folder); else, for a build run from its
/// source tree (<c>dotnet run</c>, which starts the app in the shell's folder, or <c>dotnet
/// src/ContentApi/bin/Release/net10.0/ContentApi.dll</c>), the project folder above its <c>bin</c> folder,
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

    /// <summary>The project folder above <c>bin/CONFIGURATION/FRAMEWORK</c>, or <c>…/RUNTIME</c> (<c>dotnet run -r linux-x64</c>).</summary>
    private static string? ProjectAbove(string binariesFolder)
    {
        var folder = new DirectoryInfo(Path.TrimEndingDirectorySeparator(binariesFolder));
        for (var levels = 0; levels < 4 && folder is not null && folder.Name != "bin"; levels++)
        {
            folder = folder.Parent;
        }
        var project = folder is { Name: "bin" } ? folder.Parent : null;
        return project is not null && File.Exists(Path.Combine(project.FullName, Settings))
            && File.Exists(Path.Combine(project.FullName, "ContentApi.csproj")) ? project.FullName : null;
    }
}
