using System.Reflection;

namespace ContentApi.OpenApi;

/// <summary>Whether a property is declared nullable (<c>T?</c>), from the compiler's nullable annotations.</summary>
public static class PropertyNullability
{
    // A context per question: NullabilityInfoContext is not thread-safe, and each request for the OpenAPI document
    // generates it on its own thread (a shared one made ~3% of them fail with a 500 while its cache was filling).
    public static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null ||
        (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable);
}
