using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-06-01T08:00:00Z", "2025-06-01T08:00:00.0000000Z")]
    [InlineData("2025-06-01T16:00:00+08:00", "2025-06-01T08:00:00.0000000Z")]
    [InlineData("2025-06-01t08:00:00.5z", "2025-06-01T08:00:00.5000000Z")]
    [InlineData("2025-06-01 08:00:00Z", "2025-06-01T08:00:00.0000000Z")]
    [InlineData("2025-06-01T08:00:00.123456789Z", "2025-06-01T08:00:00.1234567Z")]
    [InlineData("2025-06-01T08:00:00.123456789-01:00", "2025-06-01T09:00:00.1234567Z")]
    public void A_date_time_with_an_offset_and_any_fraction_is_read(string text, string utc)
    {
        Assert.True(Rfc3339.TryParseDateTime(text, out var value));
        Assert.Equal(utc, value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2025-06-01T08:00:00")]
    [InlineData("2025-02-30T08:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("२०२५-06-01T08:00:00Z")]
    [InlineData("2025-06-01T08:00:00.Z")]
    [InlineData("06/01/2025 08:00:00 +00:00")]
    [InlineData("2024-01-01T00:00:00+0100")]
    [InlineData("2024-01-01T00:00:00+01")]
    [InlineData("2024-01-01T00:00:00+1:00")]
    [InlineData("2024-01-01T00:00:00 +01:00")]
    public void Anything_else_is_refused(string text) =>
        Assert.False(Rfc3339.TryParseDateTime(text, out _));

    [Fact]
    public void Front_matter_also_takes_a_bare_date_as_midnight_utc()
    {
        Assert.True(Rfc3339.TryParse(" 2025-09-06 ", out var value));
        Assert.Equal(new DateTimeOffset(2025, 9, 6, 0, 0, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("2025-06-01T08:00:00", "2025-06-01T08:00:00.0000000Z")]
    [InlineData(" 2025-06-01t08:00:00.5 ", "2025-06-01T08:00:00.5000000Z")]
    [InlineData("2025-06-01 08:00:00.123456789", "2025-06-01T08:00:00.1234567Z")]
    public void An_offsetless_date_time_is_read_as_utc_where_asked_for(string text, string utc)
    {
        Assert.True(Rfc3339.TryParseOffsetlessAsUtc(text, out var value));
        Assert.Equal(utc, value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2025-06-01T08:00:00.")]
    [InlineData("2025-06-01T08:00")]
    [InlineData("2025-06-01T08:00:00Z")]
    [InlineData("10000-01-01T00:00:00")]
    public void An_offsetless_date_time_is_otherwise_as_strict(string text) =>
        Assert.False(Rfc3339.TryParseOffsetlessAsUtc(text, out _));

    /// <summary>
    /// A JSON date-time has its T, as the document's format: date-time says (RFC 3339 §5.6); "2024-01-01 00:00:00Z" was
    /// stored as publishedAt (found by a probe). Front matter and query strings still take the space.
    /// </summary>
    [Theory]
    [InlineData("2024-01-01T00:00:00Z", true)]
    [InlineData("2024-01-01t00:00:00z", true)]
    [InlineData("2024-01-01 00:00:00Z", false)]
    [InlineData("2024-01-01 00:00:00+08:00", false)]
    [InlineData("2024-01-01", false)]
    public void A_schema_date_time_has_a_t_between_date_and_time(string text, bool valid)
    {
        Assert.Equal(valid, Rfc3339.TryParseSchemaDateTime(text, out _));
        Assert.True(Rfc3339.TryParse(text, out _));
    }
}
