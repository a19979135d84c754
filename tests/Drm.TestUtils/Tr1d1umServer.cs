using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Drm.Protocols.WebPa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Drm.TestUtils;

/// <summary>
/// A WebPA API server as XMiDT's Tr1d1um serves it, with the devices behind it (no real Tr1d1um or WebPA agent runs
/// here). It follows Tr1d1um's routes, its own errors (JSON <c>message</c>, 400 for a bad request or device id, 401
/// without valid credentials), the status mapping (the device's payload with HTTP 200, except a device code of 403 or
/// 520–599, which becomes the HTTP status), XMiDT's 404 for a device not connected and 504 for one that does not answer
/// in time, and a WebPA agent's WDMP answers: values with their dataType, an object path answered with every
/// parameter under it, and SETs applied all together or not at all, refused with 520 per parameter.
/// </summary>
public sealed partial class Tr1d1umServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Tr1d1umDevice> _devices = new(StringComparer.Ordinal);

    private Tr1d1umServer(WebApplication app, string? basicCredentials)
    {
        _app = app;
        BasicCredentials = basicCredentials;
    }

    /// <summary>The API base to give a client, e.g. <c>http://127.0.0.1:40123/api/v3</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary><c>user:password</c> the server requires as Basic auth, or null for none.</summary>
    public string? BasicCredentials { get; }

    /// <summary>XMiDT's patience with a device; a slower device is answered with 504.</summary>
    public TimeSpan XmidtTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests as they arrived: method, path and query, body.</summary>
    public ConcurrentQueue<(string Method, string Target, string Body)> Requests { get; } = new();

    public static async Task<Tr1d1umServer> StartAsync(string? basicCredentials = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new Tr1d1umServer(app, basicCredentials);
        app.MapGet("/health", () => Results.Ok());
        app.Map("/api/{version}/device/{deviceId}/{service}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/api/v3");
        return server;
    }

    public Tr1d1umDevice AddDevice(string deviceId) => _devices[CanonicalId(deviceId)] = new Tr1d1umDevice(deviceId);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string version, string deviceId, string service)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue((request.Method, request.Path + request.QueryString, body));
        context.Response.Headers["X-Webpa-Transaction-Id"] = Guid.NewGuid().ToString("N");

        if (BasicCredentials is not null &&
            request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(BasicCredentials)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (version is not ("v2" or "v3"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (service != "config")
        {
            await AnswerAsync(context, 400, new JsonObject { ["message"] = $"Unsupported service '{service}'." });
            return;
        }

        if (!DeviceIdPattern().IsMatch(deviceId))
        {
            await AnswerAsync(context, 400, new JsonObject { ["message"] = "Invalid deviceID." });
            return;
        }

        var wdmp = request.Method switch
        {
            "GET" => Get(request),
            "PATCH" => Patch(body),
            _ => null,
        };
        if (wdmp is null || wdmp["error"] is JsonValue)
        {
            await AnswerAsync(context, wdmp is null ? 405 : 400, new JsonObject { ["message"] = wdmp?["error"]?.GetValue<string>() ?? "Method not allowed." });
            return;
        }

        // XMiDT: the device must be connected and answer within its timeout.
        if (!_devices.TryGetValue(CanonicalId(deviceId), out var device) || !device.Connected)
        {
            await AnswerAsync(context, 404, new JsonObject { ["message"] = "Device not found." });
            return;
        }

        if (device.Latency > XmidtTimeout)
        {
            await Task.Delay(XmidtTimeout, context.RequestAborted);
            await AnswerAsync(context, 504, new JsonObject { ["message"] = "Timed out waiting for the device." });
            return;
        }

        await Task.Delay(device.Latency, context.RequestAborted);
        var answer = wdmp["command"]!.GetValue<string>() == "GET" ? DeviceGet(device, wdmp) : DeviceSet(device, wdmp);
        var code = answer["statusCode"]!.GetValue<int>();
        await AnswerAsync(context, code is 403 or (>= 520 and <= 599) ? code : 200, answer);
    }

    private static JsonObject Get(HttpRequest request)
    {
        var names = request.Query["names"].ToString();
        if (string.IsNullOrEmpty(names))
        {
            return new JsonObject { ["error"] = "Names parameter is required." };
        }

        return new JsonObject { ["command"] = "GET", ["names"] = new JsonArray(names.Split(',').Select(n => (JsonNode)n).ToArray()) };
    }

    private static JsonObject Patch(string body)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return new JsonObject { ["error"] = "Invalid WDMP structure." };
        }

        if (parsed?["parameters"] is not JsonArray { Count: > 0 } parameters)
        {
            return new JsonObject { ["error"] = "Invalid WDMP structure: parameters are required." };
        }

        foreach (var parameter in parameters)
        {
            if (parameter?["name"] is not JsonValue || parameter["value"] is null ||
                parameter["dataType"] is not JsonValue type || !type.TryGetValue<int>(out var number) || number < 0)
            {
                return new JsonObject { ["error"] = "Invalid WDMP structure: each parameter needs a name, a value and a dataType." };
            }
        }

        return new JsonObject { ["command"] = "SET", ["parameters"] = parameters.DeepClone() };
    }

    private static JsonObject DeviceGet(Tr1d1umDevice device, JsonObject wdmp)
    {
        var answered = new JsonArray();
        foreach (var name in wdmp["names"]!.AsArray().Select(n => n!.GetValue<string>()))
        {
            if (name.EndsWith('.'))
            {
                var children = device.Parameters.Where(p => p.Key.StartsWith(name, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                if (children.Count == 0)
                {
                    return Failed(name, "Invalid parameter name");
                }

                answered.Add(new JsonObject
                {
                    ["name"] = name,
                    ["value"] = new JsonArray(children.Select(c => (JsonNode)Entry(c.Key, c.Value.Value, c.Value.Type)).ToArray()),
                    ["parameterCount"] = children.Count,
                    ["dataType"] = (int)WebPaDataType.None,
                    ["message"] = "Success",
                });
            }
            else if (device.Parameters.TryGetValue(name, out var parameter))
            {
                var entry = Entry(name, parameter.Value, parameter.Type);
                entry["parameterCount"] = 1;
                entry["message"] = "Success";
                answered.Add(entry);
            }
            else
            {
                return Failed(name, "Invalid parameter name");
            }
        }

        return new JsonObject { ["parameters"] = answered, ["statusCode"] = 200 };
    }

    private static JsonObject DeviceSet(Tr1d1umDevice device, JsonObject wdmp)
    {
        var changes = new List<(string Name, string Value, WebPaDataType Type)>();
        foreach (var parameter in wdmp["parameters"]!.AsArray())
        {
            var name = parameter!["name"]!.GetValue<string>();
            var value = parameter["value"]!.ToString();
            var type = (WebPaDataType)parameter["dataType"]!.GetValue<int>();
            if (!device.Parameters.TryGetValue(name, out var current))
            {
                return Failed(name, "Invalid parameter name");
            }

            if (!current.Writable)
            {
                return Failed(name, "Parameter is not writable");
            }

            if (type != current.Type)
            {
                return Failed(name, "Invalid parameter type");
            }

            if (!Fits(value, type))
            {
                return Failed(name, "Invalid parameter value");
            }

            changes.Add((name, value, type));
        }

        // All or nothing, as the agent commits a SET in one transaction.
        foreach (var (name, value, type) in changes)
        {
            device.Parameters[name] = (value, type, true);
        }

        return new JsonObject
        {
            ["parameters"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["message"] = "Success" }).ToArray()),
            ["statusCode"] = 200,
        };
    }

    private static bool Fits(string value, WebPaDataType type) => type switch
    {
        WebPaDataType.Int => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        WebPaDataType.UnsignedInt => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        WebPaDataType.Long => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        WebPaDataType.UnsignedLong => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        WebPaDataType.Boolean => value is "true" or "false" or "1" or "0",
        WebPaDataType.DateTime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static JsonObject Entry(string name, string value, WebPaDataType type) =>
        new() { ["name"] = name, ["value"] = value, ["dataType"] = (int)type };

    private static JsonObject Failed(string name, string message) => new()
    {
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = name, ["message"] = message }),
        ["statusCode"] = 520,
    };

    private static async Task AnswerAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    // WRP device ids: a scheme and an id; MAC addresses are canonicalised to 12 lower-case hex digits.
    private static string CanonicalId(string deviceId)
    {
        var colon = deviceId.IndexOf(':', StringComparison.Ordinal);
        var scheme = deviceId[..colon].ToLowerInvariant();
        var id = deviceId[(colon + 1)..];
        return scheme == "mac" ? $"mac:{new string(id.Where(char.IsAsciiHexDigit).ToArray()).ToLowerInvariant()}" : $"{scheme}:{id}";
    }

    [GeneratedRegex("^(?i:mac:([0-9a-f]{2}[:-]?){5}[0-9a-f]{2}|uuid:[^/]+|serial:[^/]+|dns:[^/]+|event:[^/]+)$")]
    private static partial Regex DeviceIdPattern();
}
