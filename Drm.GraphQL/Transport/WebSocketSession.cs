using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Drm.Engine.Tenancy;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Execution;
using GraphQL;

namespace Drm.GraphQL.Transport;

/// <summary>
/// One graphql-transport-ws connection: <c>connection_init</c> (with the token in its payload) → <c>connection_ack</c>,
/// then any number of concurrent <c>subscribe</c> operations answered with <c>next</c>/<c>error</c>/<c>complete</c>,
/// plus <c>ping</c>/<c>pong</c>. Protocol violations close the socket with the codes the protocol assigns.
/// </summary>
public sealed partial class WebSocketSession(
    WebSocket socket,
    HttpContext http,
    GraphQLRunner runner,
    RequestReader reader,
    CallerAuthenticator authenticator,
    IGraphQLTextSerializer serializer,
    TimeProvider time,
    ILogger<WebSocketSession> logger)
{
    private const int MaxMessageBytes = 1 << 20;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private bool _initReceived;
    private volatile bool _acknowledged;
    private TenantContext? _caller;

    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closing.Token);
        var token = linked.Token;
        await using var initTimer = time.CreateTimer(_ => _ = OnInitTimeoutAsync(), null, ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            // After we close (CloseSent) keep reading until the client answers, so our close frame is not lost to a reset.
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent && !token.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                var message = await ReceiveAsync(buffer, token);
                if (message == WebSocketMessageType.Close)
                {
                    // Answer the client's close handshake, or its next connection sees 1006.
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    break;
                }

                if (socket.State != WebSocketState.Open)
                {
                    continue;
                }

                if (message is null)
                {
                    await CloseAsync(WebSocketCloseCodes.BadRequest, "Message too large or not text");
                    continue;
                }

                await HandleMessageAsync(buffer.WrittenMemory, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (WebSocketException e)
        {
            logger.LogDebug(e, "WebSocket connection ended abruptly");
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                await operation.CancelAsync();
            }
        }
    }

    private async Task<WebSocketMessageType?> ReceiveAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessageType.Close;
            }

            buffer.Advance(result.Count);
            if (result.MessageType != WebSocketMessageType.Text || buffer.WrittenCount > MaxMessageBytes)
            {
                return null;
            }

            if (result.EndOfMessage)
            {
                return WebSocketMessageType.Text;
            }
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            await CloseAsync(WebSocketCloseCodes.BadRequest, "Invalid message received");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) ||
                typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(WebSocketCloseCodes.BadRequest, "Invalid message received");
                return;
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    await HandleInitAsync(root);
                    break;
                case "ping":
                    await SendAsync(root.TryGetProperty("payload", out var pingPayload) && pingPayload.ValueKind == JsonValueKind.Object
                        ? $"{{\"type\":\"pong\",\"payload\":{pingPayload.GetRawText()}}}"
                        : "{\"type\":\"pong\"}");
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await HandleSubscribeAsync(root, cancellationToken);
                    break;
                case "complete":
                    if (root.TryGetProperty("id", out var completeId) && completeId.ValueKind == JsonValueKind.String &&
                        _operations.TryRemove(completeId.GetString()!, out var operation))
                    {
                        await operation.CancelAsync();
                    }

                    break;
                default:
                    await CloseAsync(WebSocketCloseCodes.BadRequest, "Invalid message received");
                    break;
            }
        }
    }

    private async Task HandleInitAsync(JsonElement root)
    {
        if (_initReceived)
        {
            await CloseAsync(WebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        _initReceived = true;
        IReadOnlyDictionary<string, object?>? payload = null;
        if (root.TryGetProperty("payload", out var payloadElement))
        {
            if (payloadElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                await CloseAsync(WebSocketCloseCodes.BadRequest, "Invalid message received");
                return;
            }

            payload = payloadElement.ValueKind == JsonValueKind.Object ? ToDictionary(payloadElement) : null;
        }

        // A token in connection_init wins; a non-browser client may send it as a header on the upgrade instead.
        var outcome = await authenticator.FromConnectionParamsAsync(payload);
        if (outcome is { Caller: null, Rejected: false })
        {
            outcome = await authenticator.FromAuthorizationHeaderAsync(http.Request.Headers.Authorization.ToString());
        }

        if (outcome.Rejected)
        {
            await CloseAsync(WebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _caller = outcome.Caller;
        await SendAsync("{\"type\":\"connection_ack\"}");
        _acknowledged = true;
    }

    private async Task HandleSubscribeAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (!_acknowledged)
        {
            await CloseAsync(WebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String ||
            idElement.GetString() is not { Length: > 0 } id ||
            !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(WebSocketCloseCodes.BadRequest, "Invalid message received");
            return;
        }

        var (request, error) = reader.FromJson(payload);
        if (request is null)
        {
            await CloseAsync(WebSocketCloseCodes.BadRequest, error ?? "Invalid message received");
            return;
        }

        var operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(WebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        // Operations run beside the receive loop, so a long subscription never blocks ping, complete or other operations.
        _ = RunOperationAsync(id, request, operation);
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Object => ToDictionary(property.Value),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }

    private async Task OnInitTimeoutAsync()
    {
        if (!_initReceived)
        {
            await CloseAsync(WebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (WebSocketException e)
        {
            // The client went away mid-send; the receive loop ends the session.
            logger.LogDebug(e, "Sending on a broken WebSocket");
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with 1001 because the service stops; the client gets a second to answer the handshake.</summary>
    public Task GoingAwayAsync() => CloseAsync(WebSocketCloseCodes.GoingAway, "Server shutting down", TimeSpan.FromSeconds(1));

    private async Task CloseAsync(int code, string reason, TimeSpan? linger = null)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(e, "Closing the WebSocket failed");
        }
        finally
        {
            _sendLock.Release();
            // Give the client a moment to complete the close handshake, then stop reading regardless.
            _closing.CancelAfter(linger ?? TimeSpan.FromSeconds(5));
        }
    }
}
