using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drm.Protocols.Tr069;

/// <summary>
/// Reads and writes CPE parameters through GenieACS's northbound API: a task posted to
/// <c>/devices/{id}/tasks</c> (with a connection request, or waiting for the next inform), then the values the ACS
/// stored, read from <c>/devices/</c>.
/// </summary>
/// <remarks>
/// A task the CPE faulted, or that did not run in time, is withdrawn (its fault too): left in place it would block
/// the device's later tasks, or run later with nobody watching.
/// </remarks>
public sealed class GenieAcsClient(HttpClient http)
{

    /// <summary>Refreshes <paramref name="names"/> from the CPE and returns them; a name ending in <c>.</c> returns its whole subtree.</summary>
    public async Task<IReadOnlyList<Tr069Parameter>> GetAsync(AcsTarget target, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckNames(names);
        await RunTaskAsync(target, new JsonObject
        {
            ["name"] = "getParameterValues",
            ["parameterNames"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()),
        }, cancellationToken).ConfigureAwait(false);

        var projection = string.Join(',', names.Select(n => n.TrimEnd('.')));
        var query = Uri.EscapeDataString(new JsonObject { ["_id"] = target.DeviceId }.ToJsonString());
        var (_, _, text) = await SendAsync(target, HttpMethod.Get, $"devices/?query={query}&projection={Uri.EscapeDataString(projection)}", null, cancellationToken)
            .ConfigureAwait(false);
        var document = (ProtocolJson.Parse(text) as JsonArray)?.FirstOrDefault() as JsonObject
                       ?? throw new Tr069Exception($"The ACS no longer knows the device {target.DeviceId}.", 404);
        var values = new List<Tr069Parameter>();
        foreach (var name in names)
        {
            var node = Find(document, name.TrimEnd('.'));
            if (node is null)
            {
                throw new Tr069Exception($"The ACS holds no value for {name} after the CPE answered.", 200);
            }

            Collect(node, name.TrimEnd('.'), values);
        }

        return values;
    }

    /// <summary>Sets every parameter in one SetParameterValues; the CPE applies all of them or faults.</summary>
    public async Task SetAsync(AcsTarget target, IReadOnlyList<Tr069Parameter> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(parameters);
        CheckNames(parameters.Select(p => p.Name).ToList());
        await RunTaskAsync(target, new JsonObject
        {
            ["name"] = "setParameterValues",
            ["parameterValues"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonArray(p.Name, p.Value, "xsd:" + p.Type)).ToArray()),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTaskAsync(AcsTarget target, JsonObject task, CancellationToken cancellationToken)
    {
        var waitMs = ((long)target.ConnectionRequestTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var path = $"devices/{Uri.EscapeDataString(target.DeviceId)}/tasks?timeout={waitMs}" + (target.ConnectionRequest ? "&connection_request" : "");
        var (status, reason, text) = await SendAsync(target, HttpMethod.Post, path, task.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (status == 200)
        {
            return;
        }

        var taskId = (ProtocolJson.Parse(text) as JsonObject)?["_id"]?.GetValue<string>()
                     ?? throw new Tr069Exception($"The ACS answered {status} {reason} without the task: {ProtocolJson.Clip(text)}", status);
        if (!reason.Contains("fault", StringComparison.OrdinalIgnoreCase))
        {
            // Queued: the CPE did not connect in time (or is to run it at its next inform); watch the task until then.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await TaskPendingAsync(target, taskId, cancellationToken).ConfigureAwait(false))
            {
                if (clock.Elapsed >= target.ConnectionRequestTimeout)
                {
                    await WithdrawAsync(target, taskId, null, cancellationToken).ConfigureAwait(false);
                    throw new Tr069TimeoutException(
                        $"The CPE did not {(target.ConnectionRequest ? "answer the connection request" : "inform")} within " +
                        $"{target.ConnectionRequestTimeout.TotalSeconds:0.###} s; the task was withdrawn.", status);
                }

                await Task.Delay(target.PollInterval, cancellationToken).ConfigureAwait(false);
            }

            if (await FaultAsync(target, taskId, cancellationToken).ConfigureAwait(false) is not { } later)
            {
                return;
            }

            await WithdrawAsync(target, taskId, later, cancellationToken).ConfigureAwait(false);
            throw Faulted(later);
        }

        var fault = await FaultAsync(target, taskId, cancellationToken).ConfigureAwait(false)
                    ?? new JsonObject { ["code"] = "unknown", ["message"] = reason };
        await WithdrawAsync(target, taskId, fault, cancellationToken).ConfigureAwait(false);
        throw Faulted(fault);
    }

    private async Task<bool> TaskPendingAsync(AcsTarget target, string taskId, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString(new JsonObject { ["_id"] = taskId }.ToJsonString());
        var (_, _, text) = await SendAsync(target, HttpMethod.Get, $"tasks/?query={query}", null, cancellationToken).ConfigureAwait(false);
        // A task the CPE faulted stays in the collection, so its fault is what tells it apart from a waiting one.
        return ProtocolJson.Parse(text) is JsonArray { Count: > 0 } && await FaultAsync(target, taskId, cancellationToken).ConfigureAwait(false) is null;
    }

    private async Task<JsonObject?> FaultAsync(AcsTarget target, string taskId, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString(new JsonObject { ["_id"] = FaultId(target, taskId) }.ToJsonString());
        var (_, _, text) = await SendAsync(target, HttpMethod.Get, $"faults/?query={query}", null, cancellationToken).ConfigureAwait(false);
        return (ProtocolJson.Parse(text) as JsonArray)?.FirstOrDefault() as JsonObject;
    }

    private async Task WithdrawAsync(AcsTarget target, string taskId, JsonObject? fault, CancellationToken cancellationToken)
    {
        await SendAsync(target, HttpMethod.Delete, $"tasks/{Uri.EscapeDataString(taskId)}", null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        if (fault is not null)
        {
            await SendAsync(target, HttpMethod.Delete, $"faults/{Uri.EscapeDataString(FaultId(target, taskId))}", null, cancellationToken, allowNotFound: true)
                .ConfigureAwait(false);
        }
    }

    private async Task<(int Status, string Reason, string Text)> SendAsync(
        AcsTarget target, HttpMethod method, string relative, string? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(target.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (target.AuthHeader is { } header)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A task with a connection request is answered only once the CPE's session ends.
        timeout.CancelAfter(target.Timeout + (method == HttpMethod.Post ? target.ConnectionRequestTimeout : TimeSpan.Zero));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var reason = response.ReasonPhrase ?? "";
            if (status is 200 or 202 || status == 404 && allowNotFound)
            {
                return (status, reason, text);
            }

            var said = text.Trim().Length > 0 ? ProtocolJson.Clip(text) : reason;
            throw status switch
            {
                401 or 403 => new Tr069Exception($"The ACS refused our credentials ({status}): {said}", status),
                404 => new Tr069Exception($"The ACS has no such device ({status}): {said}", status),
                504 => new Tr069TimeoutException($"The CPE did not answer the connection request ({status}): {said}", status),
                _ => new Tr069Exception($"The ACS refused the request ({status}): {said}", status),
            };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Tr069TimeoutException($"The ACS at {target.BaseUrl.Host} did not answer in time.", 0, e);
        }
        catch (HttpRequestException e)
        {
            throw new Tr069TimeoutException($"The ACS at {target.BaseUrl.Host} is unreachable: {e.Message}", 0, e);
        }
    }

    private static Tr069FaultException Faulted(JsonObject fault)
    {
        var code = Text(fault["code"]) ?? "unknown";
        var message = Text(fault["message"]) ?? "";
        var detail = fault["detail"];
        var perParameter = (detail?["setParameterValuesFault"] as JsonArray)?.OfType<JsonNode>()
            .Select(f => $"{Text(f["parameterName"])}: {Text(f["faultCode"])} {Text(f["faultString"])}")
            .ToList() ?? [];
        var text = perParameter.Count > 0 ? $"{message} — {string.Join("; ", perParameter)}" : message;
        return new Tr069FaultException($"The CPE faulted ({code}): {ProtocolJson.Clip(text)}", code, message);
    }

    // GenieACS stores parameters as nested objects; a leaf carries _value and _type.
    private static JsonNode? Find(JsonObject document, string path)
    {
        JsonNode? node = document;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o && !segment.StartsWith('_') ? o[segment] : null;
        }

        return node;
    }

    private static void Collect(JsonNode node, string path, List<Tr069Parameter> into)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        if (o.ContainsKey("_value"))
        {
            var type = Text(o["_type"]) ?? "xsd:string";
            into.Add(new Tr069Parameter(path, ProtocolJson.ValueText(o["_value"]), type.StartsWith("xsd:", StringComparison.Ordinal) ? type[4..] : type));
            return;
        }

        foreach (var (key, child) in o.Where(p => !p.Key.StartsWith('_')).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Collect(child!, $"{path}.{key}", into);
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => null,
        _ => node.ToJsonString(),
    };

    private static string FaultId(AcsTarget target, string taskId) => $"{target.DeviceId}:task_{taskId}";

    private static void CheckNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("TR-069 needs one or more parameter names, none empty.", nameof(names));
        }
    }
}
