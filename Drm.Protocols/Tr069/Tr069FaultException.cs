namespace Drm.Protocols.Tr069;

/// <summary>
/// The CPE (or the ACS's script) answered the task with a fault: a CWMP fault code such as 9005 (invalid parameter
/// name), 9007 (invalid value) or 9008 (not writable), with the parameters it names.
/// </summary>
public sealed class Tr069FaultException(string message, string faultCode, string faultString)
    : Tr069Exception(message, 202)
{
    /// <summary>GenieACS's fault code: <c>cwmp.9005</c> for a CPE fault, a script error's name otherwise.</summary>
    public string FaultCode { get; } = faultCode;

    public string FaultString { get; } = faultString;
}
