using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace Drm.Protocols.WebPa;

/// <summary>
/// Reads and writes TR-181 parameters through the WebPA API of a Tr1d1um server:
/// <c>GET {base}/device/{id}/{service}?names=…</c> and <c>PATCH {base}/device/{id}/{service}</c>.
/// </summary>
/// <remarks>
/// Tr1d1um answers HTTP 200 with the device's own payload, whose <c>statusCode</c> may still say the device failed;
/// only 403 and 520–599 from the device become the HTTP status. Both are read here, so a failure is an exception
/// whichever way it came.
/// </remarks>
public sealed class WebPaClient(HttpClient http)
{
    private static readonly ConcurrentDictionary<int, ResiliencePipeline> Pipelines = new();

    /// <summary>
    /// The values of <paramref name="names"/>; a name ending in <c>.</c> is an object path and yields every parameter
    /// under it.
    /// </summary>
    public async Task<IReadOnlyList<WebPaParameter>> GetAsync(WebPaTarget target, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckNames(names);
        var query = string.Join(',', names.Select(Uri.EscapeDataString));
        var payload = await SendAsync(target, () => new HttpRequestMessage(HttpMethod.Get, DeviceUrl(target) + "?names=" + query), cancellationToken)
            .ConfigureAwait(false);
        var parameters = new List<WebPaParameter>();
        foreach (var parameter in Parameters(payload))
        {
            Flatten(parameter, parameters);
        }

        return parameters;
    }

    /// <summary>Sets every parameter in one request; the device applies all of them or reports which it refused.</summary>
    public async Task<IReadOnlyList<WebPaSetOutcome>> SetAsync(
        WebPaTarget target, IReadOnlyList<WebPaParameter> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(parameters);
        CheckNames(parameters.Select(p => p.Name).ToList());
        var body = new JsonObject
        {
            ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["value"] = p.Value,
                ["dataType"] = (int)p.DataType,
            }).ToArray()),
        }.ToJsonString();
        var payload = await SendAsync(target, () => new HttpRequestMessage(HttpMethod.Patch, DeviceUrl(target))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, cancellationToken).ConfigureAwait(false);
        var reported = Parameters(payload)
            .Select(p => new WebPaSetOutcome(p["name"]?.GetValue<string>() ?? "", p["message"]?.GetValue<string>() ?? "Success"))
            .ToList();
        // Agents that answer a successful SET with no per-parameter list still applied each parameter.
        return reported.Count > 0 ? reported : parameters.Select(p => new WebPaSetOutcome(p.Name, "Success")).ToList();
    }

    private async Task<JsonNode> SendAsync(WebPaTarget target, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var pipeline = Pipelines.GetOrAdd(Math.Max(0, target.Retries), BuildPipeline);
        return await pipeline.ExecuteAsync(
            async ct => await SendOnceAsync(target, request(), ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonNode> SendOnceAsync(WebPaTarget target, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = request;
        if (target.AuthHeader is { } header)
        {
            message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebPaTimeoutException($"{target.BaseUrl.Host} did not answer within {target.Timeout.TotalSeconds:0.###} s.", 0, e);
        }
        catch (HttpRequestException e)
        {
            throw new WebPaTimeoutException($"{target.BaseUrl.Host} is unreachable: {e.Message}", 0, e);
        }

        var payload = ProtocolJson.Parse(text);
        var code = (int)status;
        if (code is 401 or 403 && payload?["statusCode"] is null)
        {
            throw new WebPaAuthException($"{target.BaseUrl.Host} refused the request ({code}): {ErrorText(payload, text)}", code);
        }

        if (code is 503 or 504)
        {
            throw new WebPaTimeoutException($"{Describe(code)} ({code}): {ErrorText(payload, text)}", code);
        }

        var deviceCode = payload?["statusCode"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
        if (code is < 200 or > 299 || deviceCode is { } device && device != 200)
        {
            var reported = deviceCode ?? code;
            throw new WebPaException($"{Describe(reported)} ({reported}): {ErrorText(payload, text)}", reported);
        }

        return payload ?? throw new WebPaException($"{target.BaseUrl.Host} answered with no JSON: {ProtocolJson.Clip(text)}", code);
    }

    private static string DeviceUrl(WebPaTarget target) =>
        // WRP device ids carry a scheme ("mac:…"); the colon is left as it is, as Tr1d1um's own clients send it.
        $"{target.BaseUrl.AbsoluteUri.TrimEnd('/')}/device/{Uri.EscapeDataString(target.DeviceId).Replace("%3A", ":", StringComparison.Ordinal)}/{Uri.EscapeDataString(target.Service)}";

    private static IEnumerable<JsonNode> Parameters(JsonNode payload) =>
        payload["parameters"] is JsonArray list ? list.OfType<JsonNode>() : [];

    // An object path comes back as one entry whose value is the list of its parameters.
    private static void Flatten(JsonNode parameter, List<WebPaParameter> into)
    {
        var name = parameter["name"]?.GetValue<string>() ?? throw new WebPaException("The device answered a parameter with no name.", 200);
        if (parameter["value"] is JsonArray children)
        {
            foreach (var child in children.OfType<JsonNode>())
            {
                Flatten(child, into);
            }

            return;
        }

        var type = parameter["dataType"] is JsonValue t && t.TryGetValue<int>(out var number) && Enum.IsDefined((WebPaDataType)number)
            ? (WebPaDataType)number
            : WebPaDataType.String;
        into.Add(new WebPaParameter(name, ProtocolJson.ValueText(parameter["value"]), type));
    }

    // Tr1d1um's own errors carry "message"; a device's carry per-parameter messages.
    private static string ErrorText(JsonNode? payload, string text)
    {
        if (payload?["message"] is JsonValue message && message.TryGetValue<string>(out var said) && said.Length > 0)
        {
            return ProtocolJson.Clip(said);
        }

        var refused = payload is null ? [] : Parameters(payload)
            .Select(p => (Name: p["name"]?.GetValue<string>(), Message: p["message"]?.GetValue<string>()))
            .Where(p => p.Message is not null && p.Message != "Success")
            .Select(p => p.Name is null ? p.Message! : $"{p.Name}: {p.Message}")
            .ToList();
        return refused.Count > 0 ? ProtocolJson.Clip(string.Join("; ", refused)) : text.Length > 0 ? ProtocolJson.Clip(text) : "no details given";
    }

    private static string Describe(int code) => code switch
    {
        400 => "Tr1d1um refused the request",
        404 => "The device is not connected",
        503 => "Tr1d1um could not reach XMiDT",
        504 => "The device did not answer in time",
        >= 520 and <= 599 => "The device failed the request",
        _ => "The WebPA request failed",
    };

    private static void CheckNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || names.Any(n => string.IsNullOrWhiteSpace(n) || n.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentException("WebPA needs one or more parameter names, none empty or holding a comma.", nameof(names));
        }
    }

    private static ResiliencePipeline BuildPipeline(int retries)
    {
        var builder = new ResiliencePipelineBuilder();
        if (retries > 0)
        {
            // Only when no answer came: a refusal is an answer, and asking again changes nothing.
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<WebPaTimeoutException>(),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            });
        }

        return builder.Build();
    }
}
