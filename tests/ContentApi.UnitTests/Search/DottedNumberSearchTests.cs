using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// Review: indexing the digits after a dot as a number's fraction (1ad4d66d) also read every later dot of a date or an
/// address as one, so 2024 no longer found a German date, 05.03.2024, nor 168 the address 192.168.1.1, and 3.5 Prozent
/// no longer found the decimal comma's 3,5 Prozent. The digits on each side of a dot are numbers of their own again.
/// </summary>
public sealed class DottedNumberSearchTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "Die Messe beginnt am 05.03.2024 in Berlin.",
        "Der Router antwortet unter 192.168.1.1.",
        "Die Inflation lag bei 3,5 Prozent.",
        "Veröffentlicht am 2024.03.05",
    ];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("2024", new long[] { 1, 4 })]
    [InlineData("168", new long[] { 2 })]
    [InlineData("3.5 Prozent", new long[] { 3 })]
    [InlineData("2024-03-05", new long[] { 4 })]
    public void The_numbers_of_a_dotted_date_or_address_are_found_alone(string query, long[] expected) =>
        Assert.Equal(expected, _index.Search(query));
}
