using System.Text.Json.Serialization.Metadata;

namespace ContentApi.Http.Json;

/// <summary>The members of a request type as JSON names them, for walking a document by the resource's shape.</summary>
internal static class ResourceMembers
{
    /// <summary>The member named <paramref name="name"/>, and its type when that is an object of members (focalPoint); null when the resource has no such member.</summary>
    public static (JsonPropertyInfo Member, JsonTypeInfo? ObjectType)? Find(JsonTypeInfo type, string? name) =>
        type.Properties.FirstOrDefault(p => p.Name == name) is { } member
            ? (member, type.Options.GetTypeInfo(Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType) is { Kind: JsonTypeInfoKind.Object } objectType ? objectType : null)
            : null;
}
