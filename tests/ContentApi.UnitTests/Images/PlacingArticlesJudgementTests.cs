using ContentApi.Images;

namespace ContentApi.UnitTests.Images;

/// <summary>Which articles an image edit judged before it queued must be judged again in its write, and which stay refused.</summary>
public sealed class PlacingArticlesJudgementTests
{
    private static readonly PlacingArticlesJudgement Judged = new(
        ImageVersion: 3,
        Listing: new Dictionary<long, string> { [10] = "1:(5, 3)", [11] = "4:(5, 3),(6, 1)", [12] = "2:(5, 3)" },
        Broken: new HashSet<long> { 11 });

    [Fact]
    public void Nothing_is_judged_again_when_every_article_is_as_judged() =>
        Assert.Empty(Judged.ToJudgeAgain(Judged.Listing));

    [Fact]
    public void An_article_edited_another_image_of_it_edited_or_newly_listing_the_image_is_judged_again()
    {
        var now = new Dictionary<long, string> { [10] = "2:(5, 3)", [11] = "4:(5, 3),(6, 2)", [12] = "2:(5, 3)", [13] = "1:(5, 3)" };

        Assert.Equal([10, 11, 13], Judged.ToJudgeAgain(now));
        Assert.Empty(Judged.StillBroken(now));
    }

    [Fact]
    public void An_article_judged_broken_stays_so_while_unchanged_and_one_no_longer_listing_the_image_is_left_out()
    {
        Assert.Equal([11], Judged.StillBroken(Judged.Listing));

        var now = new Dictionary<long, string> { [10] = "1:(5, 3)" };
        Assert.Empty(Judged.StillBroken(now));
        Assert.Empty(Judged.ToJudgeAgain(now));
    }
}
