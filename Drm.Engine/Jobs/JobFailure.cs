using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;

namespace Drm.Engine.Jobs;

/// <summary>Maps what went wrong to a job's <c>errorType</c> and message.</summary>
public sealed record JobFailure(string ErrorType, string Message)
{
    public static JobFailure Classify(Exception exception) => exception switch
    {
        SnmpTimeoutException e => new(JobErrorTypes.SnmpTimeout, e.Message),
        SnmpAuthException e => new(JobErrorTypes.SnmpAuth, e.Message),
        SnmpClientException e => new(JobErrorTypes.SnmpClient, e.Message),
        Mibs.MibParseException e => new(JobErrorTypes.MibParse, e.Message),
        Tr181.Tr181ImportException e => new(JobErrorTypes.Tr181Import, e.Message),
        WebPaTimeoutException e => new(JobErrorTypes.WebPaTimeout, e.Message),
        WebPaAuthException e => new(JobErrorTypes.WebPaAuth, e.Message),
        WebPaException e => new(JobErrorTypes.WebPa, e.Message),
        Tr069TimeoutException e => new(JobErrorTypes.Tr069Timeout, e.Message),
        Tr069FaultException e => new(JobErrorTypes.Tr069Fault, e.Message),
        Tr069Exception e => new(JobErrorTypes.Tr069, e.Message),
        UspTimeoutException e => new(JobErrorTypes.UspTimeout, e.Message),
        UspException e => new(JobErrorTypes.Usp, e.Message),
        DrmException { Code: DrmErrorCode.BadUserInput } e => new(JobErrorTypes.SnmpClient, e.Message),
        AggregateException { InnerExceptions.Count: 1 } e => Classify(e.InnerExceptions[0]),
        _ when exception.InnerException is { } inner && exception is not DrmException => Classify(inner) is { ErrorType: not JobErrorTypes.Internal } known ? known : Internal(exception),
        _ => Internal(exception),
    };

    private static JobFailure Internal(Exception exception) => new(JobErrorTypes.Internal, $"{exception.GetType().Name}: {exception.Message}");
}
