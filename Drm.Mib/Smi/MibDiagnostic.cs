namespace Drm.Mib.Smi;

/// <summary>A warning (the module was understood anyway) or an error (part of it, or all, was not), with its place.</summary>
public sealed record MibDiagnostic(MibSeverity Severity, string? Module, int Line, int Column, string Message)
{
    public override string ToString() =>
        $"{(Module is null ? "" : Module + " ")}{Line}:{Column}: {(Severity == MibSeverity.Error ? "error" : "warning")}: {Message}";
}
