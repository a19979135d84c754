using System.Collections.Concurrent;
using System.Globalization;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;

namespace Drm.TestUtils;

/// <summary>
/// What a simulated USP agent knows and how it answers, whatever the MTP: its parameters, Get (unknown paths answered
/// 7026, invalid path) and Set with allow_partial false (any bad parameter applies nothing and is answered with an
/// Error carrying a parameter error each: 7026 unknown, 7013 not writable, 7012 invalid value).
/// </summary>
public sealed class UspAgentModel(string endpointId)
{
    public string EndpointId { get; } = endpointId;

    /// <summary>Parameters by full path, with their TR-181 base type and whether a Set may change them.</summary>
    public ConcurrentDictionary<string, (string Value, string Type, bool Writable)> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The request types received, in order.</summary>
    public ConcurrentQueue<Header.Types.MsgType> Received { get; } = new();

    /// <summary>The answering Record for a request Record, addressed back to its sender.</summary>
    public Record Answer(Record request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = Msg.Parser.ParseFrom(request.NoSessionContext.Payload);
        Received.Enqueue(message.Header.MsgType);
        var answer = message.Body.Request.ReqTypeCase switch
        {
            Request.ReqTypeOneofCase.Get => Get(message.Body.Request.Get),
            Request.ReqTypeOneofCase.Set => Set(message.Body.Request.Set),
            _ => new Body { Error = new Error { ErrCode = 7001, ErrMsg = "Message not supported" } },
        };
        var type = answer.MsgBodyCase == Body.MsgBodyOneofCase.Error ? Header.Types.MsgType.Error
            : message.Header.MsgType == Header.Types.MsgType.Get ? Header.Types.MsgType.GetResp : Header.Types.MsgType.SetResp;
        return new Record
        {
            Version = "1.3",
            ToId = request.FromId,
            FromId = EndpointId,
            NoSessionContext = new NoSessionContextRecord
            {
                Payload = new Msg { Header = new Header { MsgId = message.Header.MsgId, MsgType = type }, Body = answer }.ToByteString(),
            },
        };
    }

    private Body Get(Get get)
    {
        var response = new GetResp();
        foreach (var path in get.ParamPaths)
        {
            var result = new GetResp.Types.RequestedPathResult { RequestedPath = path };
            var matching = Parameters.Keys.Where(k => path.EndsWith('.') ? k.StartsWith(path, StringComparison.Ordinal) : k == path)
                .OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (matching.Count == 0)
            {
                (result.ErrCode, result.ErrMsg) = (7026u, $"Invalid path {path}");
            }

            foreach (var group in matching.GroupBy(k => k[..(k.LastIndexOf('.') + 1)], StringComparer.Ordinal))
            {
                var resolved = new GetResp.Types.ResolvedPathResult { ResolvedPath = group.Key };
                foreach (var key in group)
                {
                    resolved.ResultParams[key[group.Key.Length..]] = Parameters[key].Value;
                }

                result.ResolvedPathResults.Add(resolved);
            }

            response.ReqPathResults.Add(result);
        }

        return new Body { Response = new Response { GetResp = response } };
    }

    private Body Set(Set set)
    {
        var errors = new List<Error.Types.ParamError>();
        var changes = new List<(string Path, string Value)>();
        foreach (var update in set.UpdateObjs)
        {
            foreach (var setting in update.ParamSettings)
            {
                var path = update.ObjPath + setting.Param;
                var (code, text) = !Parameters.TryGetValue(path, out var current) ? (7026u, "Invalid path")
                    : !current.Writable ? (7013u, "Attempt to update non-writeable parameter")
                    : !Fits(setting.Value, current.Type) ? (7012u, "Invalid value")
                    : (0u, "");
                if (code != 0)
                {
                    errors.Add(new Error.Types.ParamError { ParamPath = path, ErrCode = code, ErrMsg = text });
                }
                else
                {
                    changes.Add((path, setting.Value));
                }
            }
        }

        if (errors.Count > 0)
        {
            var error = new Error { ErrCode = 7004, ErrMsg = "Invalid arguments" };
            error.ParamErrs.AddRange(errors);
            return new Body { Error = error };
        }

        var response = new SetResp();
        foreach (var group in changes.GroupBy(c => c.Path[..(c.Path.LastIndexOf('.') + 1)], StringComparer.Ordinal))
        {
            var instance = new SetResp.Types.UpdatedInstanceResult { AffectedPath = group.Key };
            foreach (var (path, value) in group)
            {
                Parameters[path] = (value, Parameters[path].Type, true);
                instance.UpdatedParams[path[group.Key.Length..]] = value;
            }

            var status = new SetResp.Types.UpdatedObjectResult.Types.OperationStatus
            {
                OperSuccess = new SetResp.Types.UpdatedObjectResult.Types.OperationStatus.Types.OperationSuccess(),
            };
            status.OperSuccess.UpdatedInstResults.Add(instance);
            response.UpdatedObjResults.Add(new SetResp.Types.UpdatedObjectResult { RequestedPath = group.Key, OperStatus = status });
        }

        return new Body { Response = new Response { SetResp = response } };
    }

    private static bool Fits(string value, string type) => type switch
    {
        "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "unsignedInt" => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false" or "1" or "0",
        _ => true,
    };
}
