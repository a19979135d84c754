namespace Drm.Engine.Jobs;

/// <summary>The stable <c>errorType</c> values of failed and cancelled jobs (the original system's names).</summary>
public static class JobErrorTypes
{
    public const string SnmpTimeout = "SNMPTimeoutError";
    public const string SnmpAuth = "SNMPAuthError";
    public const string SnmpClient = "SNMPClientError";
    public const string MibParse = "MIBParseError";
    public const string Tr181Import = "TR181ImportError";
    public const string WebPaTimeout = "WebPATimeoutError";
    public const string WebPaAuth = "WebPAAuthError";
    public const string WebPa = "WebPAError";
    public const string Tr069Timeout = "TR069TimeoutError";
    public const string Tr069Fault = "TR069FaultError";
    public const string Tr069 = "TR069Error";
    public const string UspTimeout = "USPTimeoutError";
    public const string Usp = "USPError";
    public const string Cancelled = "Cancelled";
    public const string Internal = "Internal";
}
