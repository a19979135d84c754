using Drm.Engine;
using Drm.Engine.Storage;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Configuration;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Ide;
using Drm.GraphQL.Schema;
using Drm.GraphQL.Transport;
using GraphQL;
using Npgsql;

namespace Drm.GraphQL.Hosting;

/// <summary>Builds the web application: GraphQL over HTTP, WebSocket and SSE on <c>/graphql</c>, the IDE, health probes.</summary>
public static class DrmHost
{
    /// <summary>Registers the schema and everything executing it needs, without the database (enough to print the schema).</summary>
    public static IServiceCollection AddDrmSchema(this IServiceCollection services, int maxDepth, int maxComplexity)
    {
        services.AddGraphQL(b => b
            .AddSchema<DrmSchema>()
            .AddGraphTypes(typeof(DrmSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<DrmErrorInfoProvider>()
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = maxDepth;
                o.MaxComplexity = maxComplexity;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                if (context.OriginalException is not DrmException)
                {
                    context.FieldContext?.RequestServices?.GetService<ILogger<DrmSchema>>()
                        ?.LogError(context.OriginalException, "Unhandled error in GraphQL field {Field}", context.FieldContext.FieldDefinition.Name);
                }
            }));
        return services;
    }

    public static WebApplication Build(DrmSettings settings, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrel(o => o.AddServerHeader = false);
        builder.WebHost.UseUrls($"http://{settings.BindAddress}:{settings.Port}");
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddDrmEngine(settings.Engine);
        services.AddSingleton(settings.Jwt);
        services.AddSingleton<TokenService>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddDrmSchema(settings.MaxQueryDepth, settings.MaxQueryComplexity);
        services.AddSingleton<GraphQLRunner>();
        services.AddSingleton<RequestReader>();
        services.AddSingleton<Uploads.MultipartRequestReader>();
        services.AddSingleton<HttpTransport>();
        services.AddSingleton<WebSocketTransport>();
        if (settings.CorsOrigins.Count > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins([.. settings.CorsOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Accept")));
        }

        var app = builder.Build();
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        BananaCakePop.Map(app, BananaCakePop.FindRoot(settings.IdeRoot, AppContext.BaseDirectory));
        HealthEndpoints.Map(app);
        app.Map("/graphql", HandleGraphQLAsync);
        return app;
    }

    /// <summary>Applies migrations as the owner role, granting the service role (the user in DATABASE_URL) its rights.</summary>
    public static IReadOnlyList<string> Migrate(DatabaseOptions database, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(database);
        var owner = database.MigrationConnectionString ?? database.ConnectionString;
        var serviceRole = new NpgsqlConnectionStringBuilder(database.ConnectionString).Username
            ?? throw new ConfigurationException("DATABASE_URL names no user: the service role must be explicit.");
        return DatabaseMigrator.Migrate(owner, serviceRole, log);
    }

    private static Task HandleGraphQLAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            return http.RequestServices.GetRequiredService<WebSocketTransport>().HandleAsync(http);
        }

        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) && !http.Request.Query.ContainsKey("query") &&
            http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A browser: the IDE lives at /graphql/ so that its relative asset paths resolve.
            http.Response.Redirect("/graphql/");
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, POST";
            return Task.CompletedTask;
        }

        return http.RequestServices.GetRequiredService<HttpTransport>().HandleAsync(http);
    }
}
