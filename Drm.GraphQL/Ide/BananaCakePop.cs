using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Drm.GraphQL.Ide;

/// <summary>
/// Serves the Banana Cake Pop IDE (npm <c>@chillicream/bananacakepop-graphql-ide</c>) at <c>/graphql/</c>, fully offline:
/// the bundle comes from node_modules and <c>bcp-config.json</c> points it at this server with telemetry off.
/// </summary>
public static class BananaCakePop
{
    public const string PackagePath = "node_modules/@chillicream/bananacakepop-graphql-ide";

    /// <summary>The bundle folder: <paramref name="configured"/>, else the first <c>node_modules</c> found walking up.</summary>
    public static string? FindRoot(string? configured, string startDirectory)
    {
        if (configured is not null)
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, PackagePath);
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }

    public static void Map(WebApplication app, string? root)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/graphql/bcp-config.json", (HttpContext http) =>
        {
            var scheme = http.Request.IsHttps ? "wss" : "ws";
            var config = new Dictionary<string, object>
            {
                ["useBrowserUrlAsEndpoint"] = true,
                ["subscriptionEndpoint"] = $"{scheme}://{http.Request.Host}/graphql",
                ["subscriptionProtocol"] = "graphql-transport-ws",
                ["disableTelemetry"] = true,
                ["title"] = "DRM Engine",
            };
            return Results.Text(JsonSerializer.Serialize(config), "application/json");
        });

        // Routing treats "/graphql/" and "/graphql" alike, and the latter is the GraphQL endpoint: match the IDE page exactly.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.Value != "/graphql/" || !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                await next(http);
            }
            else if (root is null)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await http.Response.WriteAsync(
                    "The Banana Cake Pop bundle is not installed: run `npm ci` in the repository (./run does it), or set IDE_ROOT.");
            }
            else
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                http.Response.Headers.CacheControl = "no-cache";
                await http.Response.SendFileAsync(Path.Combine(root, "index.html"));
            }
        });

        if (root is null)
        {
            return;
        }

        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".woff2"] = "font/woff2";
        types.Mappings[".ttf"] = "font/ttf";
        types.Mappings[".map"] = "application/json";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/graphql",
            ContentTypeProvider = types,
        });
    }
}
