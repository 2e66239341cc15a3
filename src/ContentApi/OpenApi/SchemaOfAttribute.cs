namespace ContentApi.OpenApi;

/// <summary>
/// A response property sent as a plain string but documented as the schema of <see cref="Type"/>: an open enum
/// (<see cref="ExtensibleEnumAttribute"/>) whose stored values a later release may add to, passed through as they are.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaOfAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}
