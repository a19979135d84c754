namespace Drm.Mib.Smi;

public enum MibSeverity
{
    Warning,
    Error,
}
