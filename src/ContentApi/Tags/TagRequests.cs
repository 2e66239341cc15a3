using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Tags;

/// <summary>The body of POST (create) and PUT (replace) for a tag; PATCH merges into this shape.</summary>
/// <param name="Name" example="人工智慧">Display name.</param>
/// <param name="Slug" example="人工智慧">URL slug; derived from the name when omitted on create, kept when omitted on replace.</param>
/// <param name="Description" example="大型語言模型與生成式 AI 的新聞。">Optional longer text.</param>
public sealed record TagRequest(string Name, string? Slug = null, string? Description = null);

public sealed class TagRequestValidator : AbstractValidator<TagRequest>
{
    public TagRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumCharacters(100).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage)
            .Must(TextRules.HasVisibleCharacter).WithMessage(TextRules.InvisibleMessage);
        RuleFor(r => r.Slug!).Slug().When(r => r.Slug is not null);
        RuleFor(r => r.Description!).MaximumCharacters(2000).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage).When(r => r.Description is not null);
    }
}
