namespace Drm.Engine.Jobs;

/// <summary>The database spellings of <see cref="JobKind"/> and <see cref="JobStatus"/>.</summary>
public static class JobNames
{
    private static readonly Dictionary<JobKind, string> KindNames = new()
    {
        [JobKind.SnmpGet] = "SNMP_GET",
        [JobKind.SnmpSet] = "SNMP_SET",
        [JobKind.SnmpBulkwalk] = "SNMP_BULKWALK",
        [JobKind.WebPaGet] = "WEBPA_GET",
        [JobKind.WebPaSet] = "WEBPA_SET",
        [JobKind.Tr069Get] = "TR069_GET",
        [JobKind.Tr069Set] = "TR069_SET",
        [JobKind.Tr069Download] = "TR069_DOWNLOAD",
        [JobKind.UspGet] = "USP_GET",
        [JobKind.UspSet] = "USP_SET",
        [JobKind.UspOperate] = "USP_OPERATE",
        [JobKind.MibParse] = "MIB_PARSE",
        [JobKind.Tr181Import] = "TR181_IMPORT",
    };

    private static readonly Dictionary<string, JobKind> KindsByName = KindNames.ToDictionary(p => p.Value, p => p.Key);

    public static string Of(JobKind kind) => KindNames[kind];

    public static string Of(JobStatus status) => status.ToString().ToUpperInvariant();

    public static JobKind ParseKind(string name) => KindsByName[name];

    public static JobStatus ParseStatus(string name) => Enum.Parse<JobStatus>(name, ignoreCase: true);
}
