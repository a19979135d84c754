using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Drm.Protocols.Usp.Wire;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Drm.TestUtils;

/// <summary>
/// A USP agent on the WebSocket MTP as a WebSocket server (Kestrel), for tests: it accepts only the <c>v1.usp</c>
/// subprotocol (400 otherwise, as TR-369 asks), optionally HTTP Basic credentials (401), records the controller's
/// <c>bbf-usp-protocol</c> extension, and answers each binary Record on the same connection (see
/// <see cref="UspAgentModel"/>).
/// </summary>
public sealed class UspWebSocketAgent : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UspWebSocketAgent(WebApplication app, string endpointId, string? basicCredentials)
    {
        _app = app;
        Model = new UspAgentModel(endpointId);
        BasicCredentials = basicCredentials;
    }

    public UspAgentModel Model { get; }

    /// <summary>The URL a controller connects to, e.g. <c>ws://127.0.0.1:40123/usp</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public string? BasicCredentials { get; }

    /// <summary>The <c>Sec-WebSocket-Extensions</c> header of each accepted connection.</summary>
    public ConcurrentQueue<string> Extensions { get; } = new();

    public static async Task<UspWebSocketAgent> StartAsync(string endpointId, string? basicCredentials = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var agent = new UspWebSocketAgent(app, endpointId, basicCredentials);
        app.UseWebSockets();
        app.Map("/usp", agent.ServeAsync);
        await app.StartAsync();
        var address = ((IServer)app.Services.GetService(typeof(IServer))!).Features.Get<IServerAddressesFeature>()!.Addresses.First();
        agent.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/usp");
        return agent;
    }

    public UspWebSocketAgent With(string path, string value, string type, bool writable = false)
    {
        Model.Parameters[path] = (value, type, writable);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (BasicCredentials is not null &&
            context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(BasicCredentials)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest || !context.WebSockets.WebSocketRequestedProtocols.Contains("v1.usp"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Extensions.Enqueue(context.Request.Headers["Sec-WebSocket-Extensions"].ToString());
        using var socket = await context.WebSockets.AcceptWebSocketAsync("v1.usp");
        var buffer = new ArrayBufferWriter<byte>();
        while (socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(64 * 1024), context.RequestAborted);
                buffer.Advance(received.Count);
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            var answer = Model.Answer(Record.Parser.ParseFrom(new ReadOnlySequence<byte>(buffer.WrittenMemory)));
            await socket.SendAsync(answer.ToByteArray(), WebSocketMessageType.Binary, endOfMessage: true, context.RequestAborted);
        }
    }
}
