using System.Buffers;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Drm.Protocols.Usp;

/// <summary>
/// A USP controller over the MQTT MTP (TR-369's MQTT binding): MQTT 5 with our endpoint ID in the CONNECT's
/// <c>usp-endpoint-id</c> user property, each request a Record published to the agent's topic with content type
/// <c>usp.msg</c> and a Response Topic of our own, the answer matched by its msg_id.
/// </summary>
/// <remarks>One MQTT connection per exchange: a job sends one request, and a broker connection per job keeps the
/// engine free of long-lived sockets to manage.</remarks>
public sealed class UspMqttClient
{
    private const string UspVersion = "1.3";
    private const string ContentType = "usp.msg";

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
        var replyTopic = $"usp/controller/{Topic(target.ControllerEndpointId)}/{msgId}";
        var answered = new TaskCompletionSource<Msg>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == replyTopic && Answer(e.ApplicationMessage.Payload, target, msgId) is { } reply)
            {
                answered.TrySetResult(reply);
            }

            return Task.CompletedTask;
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        try
        {
            var connected = await client.ConnectAsync(Options(target), timeout.Token).ConfigureAwait(false);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new UspException($"The broker {target.BrokerUrl.Authority} refused the connection: {connected.ResultCode}", 0);
            }

            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(replyTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token).ConfigureAwait(false);
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(target.AgentTopic)
                .WithPayload(record.ToByteArray())
                .WithContentType(ContentType)
                .WithResponseTopic(replyTopic)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), timeout.Token).ConfigureAwait(false);
            var reply = await answered.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            return reply.Body.Error is { } error ? throw Refused(error) : reply;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException(
                client.IsConnected
                    ? $"The agent {target.AgentEndpointId} did not answer within {target.Timeout.TotalSeconds:0.###} s."
                    : $"The broker {target.BrokerUrl.Authority} did not accept the connection within {target.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // Before MqttCommunicationException, which it derives from: a refusal is an answer, not a lost broker.
            throw new UspException($"The broker {target.BrokerUrl.Authority} refused the connection: {e.Message}", 0, e);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException($"The broker {target.BrokerUrl.Authority} is unreachable: {e.Message}", e);
        }
    }

    private static MqttClientOptions Options(UspTarget target)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(target.BrokerUrl.Host, target.BrokerUrl.Port > 0 ? target.BrokerUrl.Port : 1883)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"drm-{Guid.NewGuid():N}")
            .WithCleanStart(true)
            .WithUserProperty("usp-endpoint-id", new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(target.ControllerEndpointId)))
            .WithTimeout(target.Timeout);
        if (target.Credentials is { } credentials)
        {
            builder = builder.WithCredentials(credentials.Username, credentials.Password);
        }

        if (target.BrokerUrl.Scheme is "mqtts" or "ssl")
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        return builder.Build();
    }

    // The agent's answer to our msg_id, or null for anything else on the topic (a stray or malformed record).
    private static Msg? Answer(ReadOnlySequence<byte> payload, UspTarget target, string msgId)
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

    // A topic level may not hold '+', '#' or '/': endpoint IDs like "proto::x" are safe, anything else is replaced.
    private static string Topic(string endpointId) =>
        new(endpointId.Select(c => c is '+' or '#' or '/' ? '_' : c).ToArray());
}
