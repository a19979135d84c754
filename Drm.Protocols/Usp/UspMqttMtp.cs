using Drm.Protocols.Usp.Wire;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Drm.Protocols.Usp;

/// <summary>
/// TR-369's MQTT binding, controller side: MQTT 5 with our endpoint ID in the CONNECT's <c>usp-endpoint-id</c> user
/// property; the Record published to the agent's topic with content type <c>usp.msg</c> and a Response Topic of our
/// own, where the answer arrives.
/// </summary>
internal static class UspMqttMtp
{
    private const string ContentType = "usp.msg";

    public static async Task<Msg> ExchangeAsync(UspTarget target, Record record, string msgId, CancellationToken cancellationToken)
    {
        var agentTopic = target.AgentTopic ?? throw new UspException("A USP agent over MQTT needs its topic.", 0);
        var replyTopic = $"usp/controller/{Topic(target.ControllerEndpointId)}/{msgId}";
        var answered = new TaskCompletionSource<Msg>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == replyTopic && UspClient.Answer(e.ApplicationMessage.Payload, target, msgId) is { } reply)
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
                throw new UspException($"The broker {target.Url.Authority} refused the connection: {connected.ResultCode}", 0);
            }

            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(replyTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token).ConfigureAwait(false);
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(agentTopic)
                .WithPayload(record.ToByteArray())
                .WithContentType(ContentType)
                .WithResponseTopic(replyTopic)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), timeout.Token).ConfigureAwait(false);
            var reply = await answered.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            return reply;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException(
                client.IsConnected
                    ? $"The agent {target.AgentEndpointId} did not answer within {target.Timeout.TotalSeconds:0.###} s."
                    : $"The broker {target.Url.Authority} did not accept the connection within {target.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // Before MqttCommunicationException, which it derives from: a refusal is an answer, not a lost broker.
            throw new UspException($"The broker {target.Url.Authority} refused the connection: {e.Message}", 0, e);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException($"The broker {target.Url.Authority} is unreachable: {e.Message}", e);
        }
    }

    private static MqttClientOptions Options(UspTarget target)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(target.Url.Host, target.Url.Port > 0 ? target.Url.Port : 1883)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"drm-{Guid.NewGuid():N}")
            .WithCleanStart(true)
            .WithUserProperty("usp-endpoint-id", new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(target.ControllerEndpointId)))
            .WithTimeout(target.Timeout);
        if (target.Credentials is { } credentials)
        {
            builder = builder.WithCredentials(credentials.Username, credentials.Password);
        }

        if (target.Url.Scheme is "mqtts" or "ssl")
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        return builder.Build();
    }

    // A topic level may not hold '+', '#' or '/': endpoint IDs like "proto::x" are safe, anything else is replaced.
    private static string Topic(string endpointId) =>
        new(endpointId.Select(c => c is '+' or '#' or '/' ? '_' : c).ToArray());
}
