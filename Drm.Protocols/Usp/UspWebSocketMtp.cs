using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;

namespace Drm.Protocols.Usp;

/// <summary>
/// TR-369's WebSocket binding, controller side, with the controller as the WebSocket client: subprotocol
/// <c>v1.usp</c>, our endpoint ID in the <c>bbf-usp-protocol</c> extension, each Record one binary message, the
/// answer read from the same connection.
/// </summary>
internal static class UspWebSocketMtp
{
    public const string SubProtocol = "v1.usp";
    private const int MaxRecordBytes = 4 * 1024 * 1024;

    public static async Task<Msg> ExchangeAsync(UspTarget target, Record record, string msgId, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Sec-WebSocket-Extensions", $"bbf-usp-protocol; eid=\"{target.ControllerEndpointId}\"");
        if (target.Credentials is { } credentials)
        {
            socket.Options.SetRequestHeader(
                "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        var connected = false;
        try
        {
            await socket.ConnectAsync(target.Url, timeout.Token).ConfigureAwait(false);
            connected = true;
            if (socket.SubProtocol != SubProtocol)
            {
                throw new UspException($"The agent's WebSocket server at {target.Url.Authority} did not accept the {SubProtocol} subprotocol.", 0);
            }

            await socket.SendAsync(record.ToByteArray(), WebSocketMessageType.Binary, endOfMessage: true, timeout.Token).ConfigureAwait(false);
            var buffer = new ArrayBufferWriter<byte>();
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.GetMemory(64 * 1024), timeout.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        throw new UspException($"The agent closed the WebSocket before answering: {socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd(), 0);
                    }

                    buffer.Advance(received.Count);
                    if (buffer.WrittenCount > MaxRecordBytes)
                    {
                        throw new UspException($"The agent sent a record over {MaxRecordBytes / (1024 * 1024)} MiB.", 0);
                    }
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Binary &&
                    UspClient.Answer(new ReadOnlySequence<byte>(buffer.WrittenMemory), target, msgId) is { } reply)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
                    return reply;
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException(
                connected
                    ? $"The agent {target.AgentEndpointId} did not answer within {target.Timeout.TotalSeconds:0.###} s."
                    : $"The agent's WebSocket server at {target.Url.Authority} did not accept the connection within {target.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (WebSocketException e) when (!connected && socket.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new UspException($"The agent's WebSocket server at {target.Url.Authority} refused our credentials ({(int)socket.HttpStatusCode}).", 0, e);
        }
        catch (WebSocketException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UspTimeoutException($"The agent's WebSocket server at {target.Url.Authority} is unreachable: {e.Message}", e);
        }
    }
}
