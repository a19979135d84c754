namespace Drm.Engine.Mibs;

/// <summary>How a stored module came out of parsing and import resolution; stored as the upper-case name.</summary>
public enum MibModuleStatus
{
    /// <summary>Parsed cleanly and every import resolved.</summary>
    Ok,

    /// <summary>Parsed with warnings (rules bent the way vendor MIBs bend them); every import resolved.</summary>
    Warnings,

    /// <summary>Some imports name modules or symbols not loaded yet; OIDs that depend on them are missing until they are.</summary>
    Unresolved,

    /// <summary>Parts of the module could not be understood (see its diagnostics).</summary>
    Errors,
}
