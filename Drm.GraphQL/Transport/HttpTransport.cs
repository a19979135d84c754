using System.Text.Json;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Configuration;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Uploads;
using Microsoft.AspNetCore.Http.Features;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;

namespace Drm.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (POST and GET on <c>/graphql</c>), and the graphql-sse "distinct connections" mode when the
/// client accepts <c>text/event-stream</c> and <c>ENABLE_SSE</c> is on.
/// </summary>
public sealed class HttpTransport(
    GraphQLRunner runner,
    RequestReader reader,
    MultipartRequestReader multipartReader,
    CallerAuthenticator authenticator,
    IGraphQLTextSerializer serializer,
    DrmSettings settings,
    IHostApplicationLifetime lifetime,
    ILogger<HttpTransport> logger)
{
    private const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var mediaType = MediaTypes.Negotiate(http.Request.GetTypedHeaders().Accept, settings.EnableSse);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                "Accept application/graphql-response+json or application/json" +
                (settings.EnableSse ? " or text/event-stream." : "; SSE is off (ENABLE_SSE)."));
            return;
        }

        var auth = await authenticator.FromAuthorizationHeaderAsync(http.Request.Headers.Authorization.ToString());
        if (auth.Rejected)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteRequestErrorAsync(http, StatusCodes.Status401Unauthorized, JsonLike(mediaType), auth.Error!, "UNAUTHENTICATED");
            return;
        }

        var (request, requestError) = isGet ? FromQueryString(http.Request.Query) : await ReadBodyAsync(http);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, requestError!.Status, JsonLike(mediaType), requestError.Message);
            return;
        }

        var (parsed, syntaxError) = ParsedRequest.Parse(request);
        if (parsed is null)
        {
            await WriteResultAsync(http, mediaType, new ExecutionResult { Errors = [syntaxError!] }, executed: false);
            return;
        }

        if (isGet && parsed.OperationType is OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, JsonLike(mediaType), "Mutations must be sent with POST.");
            return;
        }

        if (parsed.OperationType is OperationType.Subscription && mediaType != MediaTypes.EventStream)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, JsonLike(mediaType),
                "Subscriptions need the WebSocket transport (graphql-transport-ws) or SSE (Accept: text/event-stream).");
            return;
        }

        var result = await runner.ExecuteAsync(request, parsed.Document, auth.Caller, http.RequestServices, http.RequestAborted);
        if (mediaType == MediaTypes.EventStream && result.Executed)
        {
            // Kestrel waits for open requests when the service stops; an event stream ends then instead of holding it up.
            using var streaming = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            await new SseResponse(http, serializer).StreamAsync(result, streaming.Token);
            return;
        }

        await WriteResultAsync(http, JsonLike(mediaType), result, result.Executed);
    }

    private sealed record RequestError(int Status, string Message);

    private (global::GraphQL.Transport.GraphQLRequest?, RequestError?) FromQueryString(IQueryCollection query)
    {
        var (request, error) = reader.FromQueryString(query);
        return (request, error is null ? null : new RequestError(StatusCodes.Status400BadRequest, error));
    }

    private async Task<(global::GraphQL.Transport.GraphQLRequest?, RequestError?)> ReadBodyAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var form) &&
            string.Equals(form.MediaType.Value, MediaTypes.MultipartForm, StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(http, form);
        }

        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) ||
            !string.Equals(parsed.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType,
                "POST a body of Content-Type application/json, or multipart/form-data to upload files."));
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, new RequestError(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            var (request, error) = reader.FromJson(document.RootElement);
            return (request, error is null ? null : new RequestError(StatusCodes.Status400BadRequest, error));
        }
        catch (JsonException e)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, "The body is not valid JSON: " + e.Message));
        }
    }

    // File uploads (the GraphQL multipart request specification): a larger body than JSON requests may have.
    private async Task<(global::GraphQL.Transport.GraphQLRequest?, RequestError?)> ReadMultipartAsync(HttpContext http, MediaTypeHeaderValue contentType)
    {
        if (http.Request.ContentLength > MultipartRequestReader.MaxBytes)
        {
            return (null, new RequestError(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MultipartRequestReader.MaxBytes:N0} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MultipartRequestReader.MaxBytes;
        }

        var (request, error) = await multipartReader.ReadAsync(http.Request, contentType, http.RequestAborted);
        return (request, error is null ? null : new RequestError(StatusCodes.Status400BadRequest, error));
    }

    // Request errors and non-streamed answers use JSON even when the client also accepts SSE.
    private static string JsonLike(string mediaType) => mediaType == MediaTypes.EventStream ? MediaTypes.Json : mediaType;

    private async Task WriteResultAsync(HttpContext http, string mediaType, ExecutionResult result, bool executed)
    {
        // GraphQL over HTTP §6.4.2: with application/graphql-response+json a document that could not be executed is a 400;
        // legacy application/json clients get 200 with the errors.
        http.Response.StatusCode = !executed && mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private async Task WriteRequestErrorAsync(HttpContext http, int status, string mediaType, string message, string code = "BAD_REQUEST")
    {
        logger.LogDebug("GraphQL request refused with {Status}: {Message}", status, message);
        var error = new ExecutionError(message) { Code = code };
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [error] }, http.RequestAborted);
    }
}
