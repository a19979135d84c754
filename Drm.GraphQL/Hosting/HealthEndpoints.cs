using Drm.Engine.Storage;
using Npgsql;

namespace Drm.GraphQL.Hosting;

public static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            try
            {
                return await DatabaseMigrator.IsUpToDateAsync(dataSource, cancellationToken)
                    ? Results.Json(new { status = "ready" })
                    : Results.Json(new { status = "migrations pending" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return Results.Json(new { status = "database unreachable", error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
