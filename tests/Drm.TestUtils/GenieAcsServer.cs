using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Drm.TestUtils;

/// <summary>
/// GenieACS's northbound API with the CPEs behind it, for tests (a real GenieACS needs MongoDB, which does not run
/// here). It follows the NBI: tasks posted to <c>/devices/{id}/tasks</c> (400 without a body or with bad JSON, 404
/// "No such device", 202 "Task queued but not processed" when the CPE does not connect within <c>timeout</c> ms, 202
/// "Task faulted" with the fault stored under <c>{device}:task_{id}</c> and the task kept, 200 when it ran), the
/// <c>devices</c>, <c>tasks</c> and <c>faults</c> collections read with a Mongo <c>query</c> and a <c>projection</c>
/// (with the <c>total</c> header), and DELETE of tasks and faults. CPE faults use CWMP's codes: 9005 invalid parameter
/// name, 9006 invalid type, 9007 invalid value, 9008 not writable.
/// </summary>
public sealed class GenieAcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, GenieAcsDevice> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Device, JsonObject Task)> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _faults = new(StringComparer.Ordinal);
    private long _nextTask = 0x5f00_0000_0000;

    private GenieAcsServer(WebApplication app) => _app = app;

    /// <summary>The NBI base, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests as they arrived: method, raw path and query, body.</summary>
    public ConcurrentQueue<(string Method, string Target, string Body)> Requests { get; } = new();

    /// <summary>Tasks still in the collection (queued or faulted), by id.</summary>
    public IReadOnlyCollection<string> PendingTasks => _tasks.Keys.ToList();

    public IReadOnlyCollection<string> Faults => _faults.Keys.ToList();

    public static async Task<GenieAcsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new GenieAcsServer(app);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            server.Requests.Enqueue((context.Request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget, body));
            context.Items["body"] = body;
            await next(context);
        });
        app.MapPost("/devices/{id}/tasks", server.PostTaskAsync);
        app.MapGet("/{collection}/", server.QueryAsync);
        app.MapDelete("/tasks/{id}", (string id) => server._tasks.TryRemove(id, out _) ? Results.Ok() : Results.NotFound("Task not found"));
        app.MapDelete("/faults/{id}", (string id) => server._faults.TryRemove(id, out _) ? Results.Ok() : Results.NotFound("Fault not found"));
        await app.StartAsync();
        var address = ((IServer)app.Services.GetService(typeof(IServer))!).Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public GenieAcsDevice AddDevice(string id) => _devices[id] = new GenieAcsDevice(id);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task PostTaskAsync(HttpContext context, string id)
    {
        var body = (string)context.Items["body"]!;
        var connectionRequest = context.Request.Query.ContainsKey("connection_request");
        if (body.Length == 0)
        {
            await TextAsync(context, 400, "Bad Request", connectionRequest ? "Connection request without a task is not simulated here" : "Missing task");
            return;
        }

        JsonObject task;
        try
        {
            task = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            await TextAsync(context, 400, "Bad Request", $"SyntaxError: {e.Message}");
            return;
        }

        if (Invalid(task) is { } problem)
        {
            await TextAsync(context, 400, "Bad Request", problem);
            return;
        }

        if (!_devices.TryGetValue(id, out var device))
        {
            await TextAsync(context, 404, "Not Found", "No such device");
            return;
        }

        var taskId = Interlocked.Increment(ref _nextTask).ToString("x24", CultureInfo.InvariantCulture);
        task["_id"] = taskId;
        task["device"] = id;
        task["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        _tasks[taskId] = (id, task);
        if (device.InformAfter is { } informAfter)
        {
            _ = Task.Delay(informAfter).ContinueWith(_ => Run(device, taskId), TaskScheduler.Default);
        }

        if (!connectionRequest)
        {
            await JsonAsync(context, 202, "Task queued but not processed", task);
            return;
        }

        var wait = long.TryParse(context.Request.Query["timeout"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 4000;
        if (!device.Online)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait, 2000)), context.RequestAborted);
            await JsonAsync(context, 202, "Task queued but not processed", task);
            return;
        }

        var faulted = Run(device, taskId);
        await JsonAsync(context, faulted ? 202 : 200, faulted ? "Task faulted" : "OK", task);
    }

    // Runs a task in the CPE's session: true when it faulted (the fault is stored and the task stays).
    private bool Run(GenieAcsDevice device, string taskId)
    {
        if (!_tasks.TryGetValue(taskId, out var entry))
        {
            return false;
        }

        var task = entry.Task;
        var fault = task["name"]!.GetValue<string>() switch
        {
            "getParameterValues" => Get(device, task),
            "setParameterValues" => Set(device, task),
            _ => null,
        };
        if (fault is null)
        {
            _tasks.TryRemove(taskId, out _);
            return false;
        }

        var faultId = $"{device.Id}:task_{taskId}";
        fault["_id"] = faultId;
        fault["device"] = device.Id;
        fault["channel"] = $"task_{taskId}";
        fault["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        fault["retries"] = 0;
        _faults[faultId] = fault;
        return true;
    }

    private static JsonObject? Get(GenieAcsDevice device, JsonObject task)
    {
        foreach (var name in task["parameterNames"]!.AsArray().Select(n => n!.GetValue<string>()))
        {
            var known = name.EndsWith('.') ? device.Parameters.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal)) : device.Parameters.ContainsKey(name);
            if (!known)
            {
                return CpeFault("9005", "Invalid parameter name", null);
            }
        }

        return null;
    }

    private static JsonObject? Set(GenieAcsDevice device, JsonObject task)
    {
        var faults = new JsonArray();
        var changes = new List<(string Name, string Value, string Type)>();
        foreach (var item in task["parameterValues"]!.AsArray())
        {
            var name = item![0]!.GetValue<string>();
            var value = item[1]!.ToString();
            var type = item.AsArray().Count > 2 ? item[2]!.GetValue<string>().Replace("xsd:", "", StringComparison.Ordinal) : null;
            var (code, text) = !device.Parameters.TryGetValue(name, out var current) ? ("9005", "Invalid parameter name")
                : !current.Writable ? ("9008", "Attempt to set a non-writable parameter")
                : type is not null && type != current.Type ? ("9006", "Invalid parameter type")
                : !Fits(value, current.Type) ? ("9007", "Invalid parameter value")
                : (null, null);
            if (code is not null)
            {
                faults.Add(new JsonObject { ["parameterName"] = name, ["faultCode"] = code, ["faultString"] = text });
            }
            else
            {
                changes.Add((name, value, current.Type));
            }
        }

        if (faults.Count > 0)
        {
            // SetParameterValues is atomic on the CPE: a fault on one parameter applies none.
            return CpeFault("9003", "Invalid arguments", faults);
        }

        foreach (var (name, value, type) in changes)
        {
            device.Parameters[name] = (value, type, true);
        }

        return null;
    }

    private static JsonObject CpeFault(string code, string text, JsonArray? perParameter)
    {
        var detail = new JsonObject { ["faultCode"] = code, ["faultString"] = text };
        if (perParameter is not null)
        {
            detail["setParameterValuesFault"] = perParameter;
        }

        return new JsonObject { ["code"] = $"cwmp.{code}", ["message"] = text, ["detail"] = detail };
    }

    private async Task QueryAsync(HttpContext context, string collection)
    {
        JsonObject query;
        try
        {
            query = JsonNode.Parse(context.Request.Query["query"].ToString() is { Length: > 0 } q ? q : "{}") as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            await TextAsync(context, 400, "Bad Request", $"SyntaxError: {e.Message}");
            return;
        }

        var documents = collection switch
        {
            "devices" => _devices.Values.Select(d => DeviceDocument(d, context.Request.Query["projection"].ToString())),
            "tasks" => _tasks.Values.Select(t => (JsonObject)t.Task.DeepClone()),
            "faults" => _faults.Values.Select(f => (JsonObject)f.DeepClone()),
            _ => Enumerable.Empty<JsonObject>(),
        };
        var matching = new JsonArray(documents.Where(d => query.All(c => JsonNode.DeepEquals(d[c.Key], c.Value))).Select(d => (JsonNode)d).ToArray());
        context.Response.Headers["total"] = matching.Count.ToString(CultureInfo.InvariantCulture);
        await JsonAsync(context, 200, "OK", matching);
    }

    // The device as GenieACS stores it: parameters nested by path segment, leaves with _value, _type and _writable.
    private static JsonObject DeviceDocument(GenieAcsDevice device, string projection)
    {
        var document = new JsonObject { ["_id"] = device.Id };
        var wanted = projection.Length == 0 ? null : projection.Split(',');
        foreach (var (name, (value, type, writable)) in device.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (wanted is not null && !wanted.Any(w => name == w || name.StartsWith(w + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            var node = document;
            var segments = name.Split('.');
            foreach (var segment in segments[..^1])
            {
                node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject { ["_object"] = true });
            }

            node[segments[^1]] = new JsonObject
            {
                ["_value"] = type switch
                {
                    "boolean" => JsonValue.Create(value is "true" or "1"),
                    "unsignedInt" or "int" or "long" or "unsignedLong" => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
                    _ => JsonValue.Create(value),
                },
                ["_type"] = "xsd:" + type,
                ["_writable"] = writable,
                ["_timestamp"] = "2026-11-29T00:00:00.000Z",
            };
        }

        return document;
    }

    private static string? Invalid(JsonObject task) => task["name"]?.GetValue<string>() switch
    {
        "getParameterValues" when task["parameterNames"] is JsonArray { Count: > 0 } => null,
        "setParameterValues" when task["parameterValues"] is JsonArray { Count: > 0 } values
                                  && values.All(v => v is JsonArray { Count: >= 2 } pair && pair[0] is JsonValue) => null,
        "getParameterValues" or "setParameterValues" => "Invalid task",
        _ => $"Invalid task name '{task["name"]}'",
    };

    private static bool Fits(string value, string type) => type switch
    {
        "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "unsignedInt" => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false" or "1" or "0",
        _ => true,
    };

    private static async Task TextAsync(HttpContext context, int status, string reason, string text)
    {
        context.Response.StatusCode = status;
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = reason;
        await context.Response.WriteAsync(text);
    }

    private static async Task JsonAsync(HttpContext context, int status, string reason, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = reason;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
