using Microsoft.Extensions.Options;

namespace ContentApi;

/// <summary>
/// The settings, checked before anything else happens (before the database is migrated), so that a typo in a setting
/// stops the app in one line and leaves the database as it was. The host would check them too as it starts, after the
/// migration, with a stack trace and an abort.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Runs every settings check; throws what <see cref="Describe"/> puts in one line.</summary>
    public static void Validate(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if ((Data.ConnectionStringSetting.OtherName(configuration) ??
             Data.ConnectionStringSetting.Problem(configuration.GetConnectionString("Content")) ??
             Http.Pipeline.ServerUrlsSetting.Problem(configuration) ??
             SettingsSections.UnknownKey(configuration, services.GetServices<SettingsSections.Shape>())) is { } problem)
        {
            throw new InvalidSettingException(problem);
        }
        services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>What is wrong with the settings, in one line, when <paramref name="exception"/> is about them; else null.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => OneLine(invalid.Message),
        InvalidSettingException invalid => invalid.Message,
        InvalidOperationException unbound when UnconvertedSetting.Reports(unbound) => UnconvertedSetting.Describe(unbound),
        // "Configuration value 'Verbose' is not supported.", thrown as the host builds its logger: a crash with a stack trace.
        InvalidOperationException level when level.TargetSite?.DeclaringType?.Name == "LoggerFilterConfigureOptions" =>
            $"Logging:LogLevel: {Quoted(level.Message)} is not a log level (Trace, Debug, Information, Warning, Error, Critical or None).",
        // A settings file that is not JSON ("Failed to load configuration from file '…/appsettings.json'."), thrown as
        // the host is built: it crashed with a stack trace, exit 134. What is wrong, and where, is in the innermost.
        InvalidDataException unreadable when unreadable.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal) =>
            OneLine($"{unreadable.Message} {Innermost(unreadable).Message}"),
        AggregateException all when all.InnerExceptions.Select(Describe).ToList() is var described && described.All(d => d is not null) =>
            string.Join(" ", described),
        _ => null,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;

    /// <summary>The value a message quotes ("Configuration value 'Verbose' is not supported." gives 'Verbose').</summary>
    private static string Quoted(string message) =>
        message.IndexOf('\'') is var start && message.LastIndexOf('\'') is var end && end > start ? message[start..(end + 1)] : "a value";
}

/// <summary>A setting checked outside the options classes (the connection string); the message names it, in one line.</summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException() { }
    public InvalidSettingException(string message) : base(message) { }
    public InvalidSettingException(string message, Exception inner) : base(message, inner) { }
}
