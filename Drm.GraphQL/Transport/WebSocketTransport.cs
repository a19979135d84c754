using System.Net.WebSockets;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Configuration;
using Drm.GraphQL.Execution;
using GraphQL;

namespace Drm.GraphQL.Transport;

/// <summary>Accepts WebSocket upgrades on <c>/graphql</c> that speak graphql-transport-ws.</summary>
public sealed class WebSocketTransport(
    GraphQLRunner runner,
    RequestReader reader,
    CallerAuthenticator authenticator,
    IGraphQLTextSerializer serializer,
    TimeProvider time,
    DrmSettings settings,
    IHostApplicationLifetime lifetime,
    ILogger<WebSocketSession> logger)
{
    public const string Subprotocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((WebSocketCloseStatus)WebSocketCloseCodes.SubprotocolNotAcceptable,
                "Subprotocol not acceptable", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(Subprotocol);
        var session = new WebSocketSession(socket, http, runner, reader, authenticator, serializer, time, logger)
        {
            ConnectionInitTimeout = settings.WebSocketInitTimeout,
        };
        // Kestrel waits for open connections when the service stops: say goodbye (1001) so clients reconnect elsewhere.
        using var stopping = lifetime.ApplicationStopping.Register(() => _ = session.GoingAwayAsync());
        await session.RunAsync(http.RequestAborted);
    }
}
