using System.Collections.Concurrent;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Drm.TestUtils;

/// <summary>
/// A USP agent on the MQTT MTP, for tests (no USP agent is packaged for Debian): it subscribes to its topic on a real
/// broker and answers each request Record (see <see cref="UspAgentModel"/>) on the request's Response Topic with
/// content type <c>usp.msg</c>, as TR-369's MQTT binding asks. Its MQTTConnect Record and notifications are not
/// simulated.
/// </summary>
public sealed class UspAgentSimulator : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private UspAgentSimulator(IMqttClient client, string endpointId, string topic)
    {
        _client = client;
        Model = new UspAgentModel(endpointId);
        Topic = topic;
    }

    public UspAgentModel Model { get; }

    public string EndpointId => Model.EndpointId;

    public string Topic { get; }

    public ConcurrentDictionary<string, (string Value, string Type, bool Writable)> Parameters => Model.Parameters;

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
        var type = Msg.Parser.ParseFrom(record.NoSessionContext.Payload).Header.MsgType;
        Requests.Enqueue((type, e.ApplicationMessage.ContentType, e.ApplicationMessage.ResponseTopic));
        if (!Answering || string.IsNullOrEmpty(e.ApplicationMessage.ResponseTopic))
        {
            return;
        }

        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(e.ApplicationMessage.ResponseTopic)
            .WithPayload(Model.Answer(record).ToByteArray())
            .WithContentType("usp.msg")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }
}
