using System.Collections.Concurrent;
using System.Globalization;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Drm.TestUtils;

/// <summary>
/// A USP agent on the MQTT MTP, for tests (no USP agent is packaged for Debian): it subscribes to its topic on a real
/// broker and answers Get and Set Records to each request's Response Topic with content type <c>usp.msg</c>, as
/// TR-369's MQTT binding asks (its MQTTConnect Record and notifications are not simulated). Gets of unknown paths are answered 7026 (invalid path); a Set
/// (allow_partial false) with any bad parameter applies nothing and is answered with an Error carrying a parameter
/// error each: 7026 unknown, 7013 not writable, 7012 invalid value.
/// </summary>
public sealed class UspAgentSimulator : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private UspAgentSimulator(IMqttClient client, string endpointId, string topic)
    {
        _client = client;
        EndpointId = endpointId;
        Topic = topic;
    }

    public string EndpointId { get; }

    public string Topic { get; }

    /// <summary>Parameters by full path, with their TR-181 base type and whether a Set may change them.</summary>
    public ConcurrentDictionary<string, (string Value, string Type, bool Writable)> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests as they arrived: the message type and the content type and response topic they came with.</summary>
    public ConcurrentQueue<(Header.Types.MsgType Type, string? ContentType, string? ResponseTopic)> Requests { get; } = new();

    /// <summary>False: requests are read and never answered.</summary>
    public bool Answering { get; set; } = true;

    public static async Task<UspAgentSimulator> StartAsync(Uri broker, string endpointId, string topic)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var agent = new UspAgentSimulator(client, endpointId, topic);
        client.ApplicationMessageReceivedAsync += agent.OnRequestAsync;
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"agent-{Guid.NewGuid():N}")
            .Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return agent;
    }

    public UspAgentSimulator With(string path, string value, string type, bool writable = false)
    {
        Parameters[path] = (value, type, writable);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        _client.Dispose();
    }

    private async Task OnRequestAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var record = Record.Parser.ParseFrom(e.ApplicationMessage.Payload);
        var request = Msg.Parser.ParseFrom(record.NoSessionContext.Payload);
        Requests.Enqueue((request.Header.MsgType, e.ApplicationMessage.ContentType, e.ApplicationMessage.ResponseTopic));
        if (!Answering || string.IsNullOrEmpty(e.ApplicationMessage.ResponseTopic))
        {
            return;
        }

        var answer = request.Body.Request.ReqTypeCase switch
        {
            Request.ReqTypeOneofCase.Get => Get(request.Body.Request.Get),
            Request.ReqTypeOneofCase.Set => Set(request.Body.Request.Set),
            _ => new Body { Error = new Error { ErrCode = 7001, ErrMsg = "Message not supported" } },
        };
        var type = answer.MsgBodyCase == Body.MsgBodyOneofCase.Error ? Header.Types.MsgType.Error
            : request.Header.MsgType == Header.Types.MsgType.Get ? Header.Types.MsgType.GetResp : Header.Types.MsgType.SetResp;
        var reply = new Record
        {
            Version = "1.3",
            ToId = record.FromId,
            FromId = EndpointId,
            NoSessionContext = new NoSessionContextRecord
            {
                Payload = new Msg { Header = new Header { MsgId = request.Header.MsgId, MsgType = type }, Body = answer }.ToByteString(),
            },
        };
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(e.ApplicationMessage.ResponseTopic)
            .WithPayload(reply.ToByteArray())
            .WithContentType("usp.msg")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
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
