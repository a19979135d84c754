namespace Drm.Mib.Smi;

/// <summary>One parsed module: what it imports, defines, and what the parser had to say about it.</summary>
public sealed class MibModule
{
    public required string Name { get; init; }

    public required int Line { get; init; }

    /// <summary>The file it came from, when it came from one.</summary>
    public string? Source { get; init; }

    public List<MibImport> Imports { get; } = [];

    public List<MibDefinition> Definitions { get; } = [];

    public List<MibTypeDefinition> Types { get; } = [];

    /// <summary>Macros the module itself defines (the core SMI modules do); their bodies are not interpreted.</summary>
    public List<string> Macros { get; } = [];

    public List<MibDiagnostic> Diagnostics { get; } = [];

    /// <summary>SMIv2 when it has a MODULE-IDENTITY or imports from the SMIv2 modules.</summary>
    public bool IsSmiV2 { get; set; }

    public string? LastUpdated { get; set; }

    public string? Organization { get; set; }

    public string? ContactInfo { get; set; }

    public string? Description { get; set; }

    /// <summary>REVISION dates, newest first as written.</summary>
    public List<string> Revisions { get; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == MibSeverity.Error);
}
