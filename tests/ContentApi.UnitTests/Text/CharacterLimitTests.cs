using ContentApi.Text;
using FluentValidation;

namespace ContentApi.UnitTests.Text;

public sealed class CharacterLimitTests
{
    private sealed class Named
    {
        public string? Name { get; init; }
    }

    private sealed class NamedValidator : AbstractValidator<Named>
    {
        public NamedValidator() => RuleFor(n => n.Name).MaximumCharacters(3);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("𠮷𠮷𠮷", 3)]
    [InlineData("通義千問", 4)]
    [InlineData("👍🏽", 2)]
    [InlineData("", 0)]
    public void Counts_unicode_scalar_values(string text, int characters) =>
        Assert.Equal(characters, CharacterLimit.Count(text));

    [Fact]
    public void Three_ideographs_beyond_the_BMP_fit_a_limit_of_three_and_four_do_not()
    {
        var validator = new NamedValidator();
        Assert.True(validator.Validate(new Named { Name = "𠮷𠮷𠮷" }).IsValid);
        var refused = validator.Validate(new Named { Name = "𠮷𠮷𠮷𠮷" });
        Assert.Equal("Must be at most 3 characters; it has 4.", Assert.Single(refused.Errors).ErrorMessage);
        Assert.True(validator.Validate(new Named()).IsValid);
    }
}
