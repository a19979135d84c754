using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;

namespace Drm.Engine;

/// <summary>Everything the engine needs from configuration.</summary>
public sealed record EngineOptions
{
    public required DatabaseOptions Database { get; init; }

    /// <summary>The AES-256 key for credential secrets, base64 or hex (<c>CREDENTIALS_KEY</c>).</summary>
    public required string CredentialsKey { get; init; }

    public SnmpClientOptions Snmp { get; init; } = new();

    public JobEngineOptions Jobs { get; init; } = new();

    public WebPaClientOptions WebPa { get; init; } = new();

    public Tr069ClientOptions Tr069 { get; init; } = new();

    public UspClientOptions Usp { get; init; } = new();

    /// <summary>Folders whose MIB modules are global, readable by every tenant (<c>MIB_DIRS</c>).</summary>
    public IReadOnlyList<string> MibDirectories { get; init; } = ["/usr/share/snmp/mibs"];

    /// <summary>
    /// TR-181 models imported as the global catalog at start-up, and the only server-side files <c>importTr181</c> may
    /// name (<c>TR181_SOURCES</c>): entry <c>.xml</c> files (their imports beside them) or <c>.tar.gz</c> archives.
    /// </summary>
    public IReadOnlyList<string> Tr181Sources { get; init; } = [];
}
