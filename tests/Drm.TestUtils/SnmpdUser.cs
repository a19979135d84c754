namespace Drm.TestUtils;

/// <summary>A v3 user configured in the test snmpd, with net-snmp's protocol spellings (null = not used).</summary>
public sealed record SnmpdUser(string Name, string? AuthProtocol, string? AuthPassword, string? PrivProtocol, string? PrivPassword)
{
    public string SecurityLevel => PrivProtocol is not null ? "authPriv" : AuthProtocol is not null ? "authNoPriv" : "noAuthNoPriv";

    /// <summary>net-snmp command-line arguments for this user.</summary>
    public IReadOnlyList<string> NetSnmpArguments =>
    [
        "-v3", "-l", SecurityLevel, "-u", Name,
        .. AuthProtocol is null ? Array.Empty<string>() : ["-a", AuthProtocol, "-A", AuthPassword!],
        .. PrivProtocol is null ? Array.Empty<string>() : ["-x", PrivProtocol, "-X", PrivPassword!],
    ];
}
