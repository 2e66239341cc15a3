using System.Text;

namespace ContentApi.Text;

/// <summary>
/// <see cref="string.Normalize(NormalizationForm)"/> for text the API derives from what callers wrote (slugs, index
/// tokens). .NET refuses to normalize U+FFFE, a noncharacter that is nonetheless valid JSON and UTF-8, and throws;
/// here it becomes the separator it is anyway (it is no letter, digit or mark).
/// </summary>
public static class NormalizedText
{
    private const char ByteOrderMarkReversed = '\uFFFE';

    public static string Of(string text, NormalizationForm form) =>
        (text.Contains(ByteOrderMarkReversed) ? text.Replace(ByteOrderMarkReversed, ' ') : text).Normalize(form);
}
