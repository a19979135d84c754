using System.Buffers;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;

namespace Drm.Protocols.Usp;

/// <summary>
/// A USP controller: Get and Set as USP Records (no session context) to an agent over the MQTT or the WebSocket MTP,
/// the answer matched by its msg_id, a USP Error turned into <see cref="UspException"/>.
/// </summary>
/// <remarks>One connection per exchange: a job sends one request, and a connection per job keeps the engine free of
/// long-lived sockets to manage.</remarks>
public sealed class UspClient
{
    private const string UspVersion = "1.3";

    /// <summary>Values of parameters and of every parameter under an object path (ending in <c>.</c>).</summary>
    public async Task<IReadOnlyList<UspParameter>> GetAsync(UspTarget target, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var get = new Get();
        get.ParamPaths.AddRange(paths);
        var answer = await ExchangeAsync(target, Header.Types.MsgType.Get, new Request { Get = get }, cancellationToken).ConfigureAwait(false);
        var response = answer.Body.Response?.GetResp ?? throw Unexpected(answer, "GET_RESP");
        var failed = response.ReqPathResults.Where(r => r.ErrCode != 0).Select(r => $"{r.RequestedPath}: {r.ErrCode} {r.ErrMsg}").ToList();
        if (failed.Count > 0)
        {
            throw new UspException($"The agent refused the Get: {string.Join("; ", failed)}", response.ReqPathResults.First(r => r.ErrCode != 0).ErrCode);
        }

        return response.ReqPathResults
            .SelectMany(r => r.ResolvedPathResults)
            .SelectMany(r => r.ResultParams.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new UspParameter(r.ResolvedPath + p.Key, p.Value)))
            .ToList();
    }

    /// <summary>Sets every parameter in one Set (allow_partial false): the agent applies all of them or none.</summary>
    public async Task<IReadOnlyList<UspParameter>> SetAsync(UspTarget target, IReadOnlyList<UspParameter> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var set = new Set { AllowPartial = false };
        foreach (var group in parameters.GroupBy(p => p.Path[..(p.Path.LastIndexOf('.') + 1)], StringComparer.Ordinal))
        {
            var update = new Set.Types.UpdateObject { ObjPath = group.Key };
            update.ParamSettings.AddRange(group.Select(p => new Set.Types.UpdateParamSetting { Param = p.Path[group.Key.Length..], Value = p.Value, Required = true }));
            set.UpdateObjs.Add(update);
        }

        var answer = await ExchangeAsync(target, Header.Types.MsgType.Set, new Request { Set = set }, cancellationToken).ConfigureAwait(false);
        var response = answer.Body.Response?.SetResp ?? throw Unexpected(answer, "SET_RESP");
        var failure = response.UpdatedObjResults.FirstOrDefault(r => r.OperStatus?.OperFailure is not null);
        if (failure?.OperStatus.OperFailure is { } refused)
        {
            var details = refused.UpdatedInstFailures.SelectMany(f => f.ParamErrs.Select(e => $"{f.AffectedPath}{e.Param}: {e.ErrCode} {e.ErrMsg}"));
            throw new UspException($"The agent refused the Set of {failure.RequestedPath}: {refused.ErrCode} {refused.ErrMsg} {string.Join("; ", details)}".TrimEnd(), refused.ErrCode);
        }

        return response.UpdatedObjResults
            .SelectMany(r => r.OperStatus?.OperSuccess?.UpdatedInstResults ?? [])
            .SelectMany(r => r.UpdatedParams.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new UspParameter(r.AffectedPath + p.Key, p.Value)))
            .ToList();
    }

    private static async Task<Msg> ExchangeAsync(UspTarget target, Header.Types.MsgType type, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var msgId = Guid.NewGuid().ToString("N");
        var message = new Msg { Header = new Header { MsgId = msgId, MsgType = type }, Body = new Body { Request = request } };
        var record = new Record
        {
            Version = UspVersion,
            ToId = target.AgentEndpointId,
            FromId = target.ControllerEndpointId,
            PayloadSecurity = Record.Types.PayloadSecurity.Plaintext,
            NoSessionContext = new NoSessionContextRecord { Payload = message.ToByteString() },
        };
        var reply = target.Url.Scheme switch
        {
            "mqtt" or "mqtts" or "tcp" or "ssl" => await UspMqttMtp.ExchangeAsync(target, record, msgId, cancellationToken).ConfigureAwait(false),
            "ws" or "wss" => await UspWebSocketMtp.ExchangeAsync(target, record, msgId, cancellationToken).ConfigureAwait(false),
            var scheme => throw new UspException($"USP has no message transfer protocol for {scheme}:// here; use mqtt:// or ws://.", 0),
        };
        return reply.Body.Error is { } error ? throw Refused(error) : reply;
    }

    /// <summary>The agent's answer to <paramref name="msgId"/>, or null for anything else (a stray or malformed record).</summary>
    internal static Msg? Answer(ReadOnlySequence<byte> payload, UspTarget target, string msgId)
    {
        try
        {
            var record = Record.Parser.ParseFrom(payload);
            if (record.FromId != target.AgentEndpointId || record.NoSessionContext is null)
            {
                return null;
            }

            var message = Msg.Parser.ParseFrom(record.NoSessionContext.Payload);
            return message.Header?.MsgId == msgId ? message : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static UspException Refused(Error error)
    {
        var details = error.ParamErrs.Select(p => $"{p.ParamPath}: {p.ErrCode} {p.ErrMsg}").ToList();
        return new UspException(
            $"The agent answered error {error.ErrCode} {error.ErrMsg}{(details.Count > 0 ? " — " + string.Join("; ", details) : "")}", error.ErrCode);
    }

    private static UspException Unexpected(Msg answer, string expected) =>
        new($"The agent answered {answer.Header?.MsgType} where {expected} was expected.", 7000);

}
