using ContentApi.Http.Errors;

namespace ContentApi.UnitTests.Http;

public sealed class EchoedTests
{
    [Fact]
    public void Cut_short_text_is_kept_whole() => Assert.Equal(new string('a', 100), Echoed.Cut(new string('a', 100)));

    [Fact]
    public void Cut_long_text_keeps_100_characters_and_an_ellipsis() =>
        Assert.Equal(new string('a', 100) + "…", Echoed.Cut(new string('a', 4_000_000)));

    [Fact]
    public void Cut_never_splits_a_character_beyond_the_bmp()
    {
        var cut = Echoed.Cut(new string('a', 99) + "𠮷" + new string('b', 10));

        Assert.Equal(new string('a', 99) + "…", cut);
    }
}
