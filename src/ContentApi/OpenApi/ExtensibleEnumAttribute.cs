namespace ContentApi.OpenApi;

/// <summary>An enum a later release may add members to: documented as a string listing the known ones (<see cref="ExtensibleEnum"/>).</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class ExtensibleEnumAttribute : Attribute;
