namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A test that mounts a small tmpfs to stand in for a full disk: it needs Linux and the capability to mount
/// (CAP_SYS_ADMIN, which root has outside a locked-down container, as on the CI machine). Skipped without it, so that
/// <c>dotnet test</c> passes for a developer who is not root.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MountFactAttribute : FactAttribute
{
    private const int CapSysAdmin = 21;

    public MountFactAttribute()
    {
        if (!CanMount())
        {
            Skip = "needs Linux and the capability to mount a tmpfs (CAP_SYS_ADMIN: run as root)";
        }
    }

    private static bool CanMount()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/status"))
        {
            return false;
        }
        var effective = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("CapEff:", StringComparison.Ordinal));
        return effective is not null
            && ulong.TryParse(effective["CapEff:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var capabilities)
            && (capabilities & (1UL << CapSysAdmin)) != 0;
    }
}
