using System.CommandLine;

namespace ContentApi.Cli;

/// <summary>A command's file or folder argument, refused at parsing when it cannot name one.</summary>
public static class PathArgument
{
    public static Argument<string> Create(string description)
    {
        var path = new Argument<string>("path") { Description = description };
        path.AcceptLegalFilePathsOnly();
        path.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && string.IsNullOrWhiteSpace(token.Value))
            {
                result.AddError("PATH must name a file or folder; it is empty.");
            }
            else if (result.Tokens is [var quoted] && Data.TildePaths.StartsWithTilde(quoted.Value))
            {
                result.AddError("PATH starts with ~, which only a shell expands (not inside quotes): give the full path.");
            }
        });
        return path;
    }
}
