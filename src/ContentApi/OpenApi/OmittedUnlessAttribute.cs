namespace ContentApi.OpenApi;

/// <summary>
/// A response property that is left out (not null) in some responses, such as an embed the caller did not include:
/// documented as optional, with <see cref="When"/> as its description.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OmittedUnlessAttribute(string when) : Attribute
{
    public string When { get; } = when;
}
