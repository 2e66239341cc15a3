namespace ContentApi.UnitTests.Search;

/// <summary>
/// The katakana middle dot joins a foreign name's parts (ジョン・スミス) and lists katakana words (パン・ケーキ・コーヒー), and
/// nothing in the text tells the two apart: both read as a name, one word without its dots. These pin down what that
/// means for a list, the limit the README states next to the rule.
/// </summary>
public sealed class KatakanaMiddleDotSearchTests : IDisposable
{
    private static readonly string[] Documents = ["朝食はパン・ケーキ・コーヒーです", "ジョン・スミス氏が来日"];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("ジョン・スミス", new long[] { 2 })]
    [InlineData("ジョンスミス", new long[] { 2 })]
    [InlineData("スミス", new long[] { 2 })]
    // A listed word alone, or listed words in their order, find the list.
    [InlineData("ケーキ", new long[] { 1 })]
    [InlineData("パン・ケーキ", new long[] { 1 })]
    // The limit: the words run together as a name's do, so two listed words in a row find it written without the dot,
    // and two not side by side in the list, joined by the dot, are one phrase that is not there.
    [InlineData("パンケーキ", new long[] { 1 })]
    [InlineData("パン・コーヒー", new long[0])]
    [InlineData("パン コーヒー", new long[] { 1 })]
    public void A_katakana_list_reads_as_a_name_does(string query, long[] expected) =>
        Assert.Equal(expected, _index.Search(query));
}
