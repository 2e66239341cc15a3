namespace ContentApi.Auth;

/// <summary>What a key may do. Each scope includes the ones before it.</summary>
public enum ApiKeyScope
{
    Read = 1,
    Write = 2,
    Admin = 3,
}

public static class ApiKeyScopes
{
    public const string ClaimType = "scope";
    public const string ReadPolicy = "read";
    public const string WritePolicy = "write";
    public const string AdminPolicy = "admin";

    public static bool TryParse(string? value, out ApiKeyScope scope)
    {
        scope = value switch
        {
            "read" => ApiKeyScope.Read,
            "write" => ApiKeyScope.Write,
            "admin" => ApiKeyScope.Admin,
            _ => 0,
        };
        return scope != 0;
    }

    public static string ToText(ApiKeyScope scope) => scope.ToString().ToLowerInvariant();

    public static ApiKeyScope? ScopeOf(System.Security.Claims.ClaimsPrincipal user) =>
        TryParse(user.FindFirst(ClaimType)?.Value, out var scope) ? scope : null;

    public static bool Has(System.Security.Claims.ClaimsPrincipal user, ApiKeyScope needed) =>
        ScopeOf(user) is { } scope && scope >= needed;

    /// <summary>Drafts, scheduled articles and private fields (author email) are visible to any key holder.</summary>
    public static bool CanSeeUnpublished(HttpContext context) => Has(context.User, ApiKeyScope.Read);
}
