namespace Drm.Engine.Jobs;

/// <summary>What a job does; stored as the upper-case name (<c>SNMP_BULKWALK</c>).</summary>
public enum JobKind
{
    SnmpGet,
    SnmpSet,
    SnmpBulkwalk,
    WebPaGet,
    WebPaSet,
    Tr069Get,
    Tr069Set,
    Tr069Download,
    UspGet,
    UspSet,
    UspOperate,
    MibParse,
    Tr181Import,
}
