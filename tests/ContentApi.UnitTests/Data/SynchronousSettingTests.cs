using System.ComponentModel.DataAnnotations;
using ContentApi.Data;
using Microsoft.Extensions.Configuration;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// <c>Database__Synchronous=full</c> was refused ("must be NORMAL or FULL"), though SQLite and the binder take either
/// case (data-lifecycle review): any case is taken, and kept as SQLite names the mode.
/// </summary>
public sealed class SynchronousSettingTests
{
    [Theory]
    [InlineData("full", "FULL")]
    [InlineData("Normal", "NORMAL")]
    [InlineData("FULL", "FULL")]
    public void The_mode_is_taken_in_any_case_and_kept_as_sqlite_names_it(string given, string kept)
    {
        var options = Bound(given);

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(kept, options.Synchronous);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("EXTRA")]
    public void Another_mode_is_refused_as_written(string given)
    {
        var options = Bound(given);

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal(given, options.Synchronous);
    }

    private static DatabaseOptions Bound(string synchronous) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Synchronous"] = synchronous }).Build().Get<DatabaseOptions>()!;
}
