using System.Globalization;
using System.Text.Json;
using Drm.Engine;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Configuration;
using Drm.GraphQL.Hosting;
using Drm.GraphQL.Schema;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Drm.GraphQL.Cli;

/// <summary>The <c>drm</c> command: serve (default), migrate, export-schema, token, create-tenant.</summary>
public static class DrmCommandLine
{
    public const string Usage = """
        Usage: drm [command] [options]

          serve                          Run the service (the default). Applies pending migrations first.
          migrate                        Apply pending database migrations and exit.
          export-schema [FILE]           Print the GraphQL schema (SDL) to FILE or stdout. Old spelling: --export-schema FILE.
          token --tenant T --user U [--role admin|operator|viewer] [--platform-admin] [--expires-in SECONDS]
                                         Mint a development JWT signed with JWT_SECRET.
          create-tenant --slug S --name N --admin-email E [--admin-password P]
                                         Create a tenant and its first admin (prints JSON); reports an existing one.
          snmp get|getnext|set|walk|bulkwalk [net-snmp-like flags] AGENT OID...
                                         Talk SNMP to a device by hand (drm snmp for the flags).
          mib parse PATH... [--tree]     Parse MIB files or folders: each module's status, warnings and errors with
                                         line:column; --tree adds MODULE::name OID lines in OID order.
          mib translate [-M DIR[:DIR]] NAME|OID...
                                         A name (IF-MIB::ifDescr.3) to its OID, or an OID to its name, with the
                                         MIBs of -M, else MIB_DIRS, else /usr/share/snmp/mibs.

        Configuration comes from environment variables; see README.md.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Func<string, string?> env = Environment.GetEnvironmentVariable;
        try
        {
            // The original system's spelling, accepted anywhere on the line.
            var legacy = Array.IndexOf(args, "--export-schema");
            if (legacy >= 0)
            {
                return await ExportSchemaAsync(legacy + 1 < args.Length ? args[legacy + 1] : null);
            }

            var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
            var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
            var options = new CliArguments(rest);
            return command switch
            {
                "serve" => await ServeAsync(DrmSettings.FromEnvironment(env), rest),
                "migrate" => Migrate(DrmSettings.FromEnvironment(env)),
                "export-schema" => await ExportSchemaAsync(options.Positionals.FirstOrDefault()),
                "token" => Token(DrmSettings.JwtFromEnvironment(env), options),
                "create-tenant" => await CreateTenantAsync(DrmSettings.FromEnvironment(env), options),
                "snmp" => await SnmpCommand.RunAsync(rest, Console.Out),
                "mib" => MibCommand.Run(rest, Console.Out, env),
                "help" or "--help" or "-h" => Help(),
                _ => throw new CliException($"Unknown command '{command}'."),
            };
        }
        catch (Exception e) when (e is CliException or ConfigurationException)
        {
            await Console.Error.WriteLineAsync("drm: " + e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static async Task<int> ServeAsync(DrmSettings settings, string[] args)
    {
        if (settings.Engine.Database.MigrateOnStart)
        {
            DrmHost.Migrate(settings.Engine.Database, Console.WriteLine);
        }

        await using var app = DrmHost.Build(settings, args);
        await app.RunAsync();
        return 0;
    }

    private static int Migrate(DrmSettings settings)
    {
        var applied = DrmHost.Migrate(settings.Engine.Database, Console.WriteLine);
        Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s).");
        return 0;
    }

    /// <summary>Prints the schema exactly as the running service serves it; a test keeps schema.graphql equal to it.</summary>
    public static string PrintSchema()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDrmSchema(maxDepth: 15, maxComplexity: 5000);
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    private static async Task<int> ExportSchemaAsync(string? file)
    {
        var sdl = PrintSchema();
        if (file is null or "-")
        {
            Console.Write(sdl);
        }
        else
        {
            await File.WriteAllTextAsync(file, sdl);
            await Console.Error.WriteLineAsync($"Wrote {file}");
        }

        return 0;
    }

    private static int Token(JwtOptions jwt, CliArguments options)
    {
        if (!Guid.TryParse(options.Required("tenant"), out var tenantId) || !Guid.TryParse(options.Required("user"), out var userId))
        {
            throw new CliException("--tenant and --user must be UUIDs.");
        }

        var roleText = options.Get("role") ?? "admin";
        if (!UserRoles.TryParse(roleText, out var role))
        {
            throw new CliException("--role must be admin, operator or viewer.");
        }

        TimeSpan? lifetime = options.Get("expires-in") is { } seconds
            ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))
            : null;
        var tokens = new TokenService(jwt, TimeProvider.System);
        Console.WriteLine(tokens.Mint(tenantId, userId, role, options.Has("platform-admin"), lifetime));
        return 0;
    }

    private static async Task<int> CreateTenantAsync(DrmSettings settings, CliArguments options)
    {
        var slug = options.Required("slug");
        var email = options.Required("admin-email");
        var generated = options.Get("admin-password") is null;
        var password = options.Get("admin-password") ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15))
            .Replace('+', 'x').Replace('/', 'y');
        var services = new ServiceCollection();
        services.AddDrmEngine(settings.Engine);
        await using var provider = services.BuildServiceProvider();
        var tenants = provider.GetRequiredService<TenantService>();
        var users = provider.GetRequiredService<UserService>();
        // The CLI acts as a platform administrator; writes still pass through row-level security in the new tenant's context.
        var platform = new TenantContext(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);
        try
        {
            var tenant = await tenants.CreateAsync(platform, new CreateTenantInput(slug, options.Get("name") ?? slug, email, password), default);
            var admin = (await users.ListAsync(platform with { TenantId = tenant.Id }, email, new PageRequest(1), default)).Items.Single();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                tenantId = tenant.Id, userId = admin.Id, email, password = generated ? password : null, created = true,
            }));
            return 0;
        }
        catch (DrmException e) when (e.Code == DrmErrorCode.BadUserInput && e.Message.Contains("slug already exists", StringComparison.Ordinal))
        {
            var tenant = (await tenants.ListAsync(platform, new PageRequest(PageRequest.MaxSize), default)).Items.Single(t => t.Slug == slug);
            var admin = (await users.ListAsync(platform with { TenantId = tenant.Id }, email, new PageRequest(1), default)).Items.FirstOrDefault();
            Console.WriteLine(JsonSerializer.Serialize(new { tenantId = tenant.Id, userId = admin?.Id, email, password = (string?)null, created = false }));
            return 0;
        }
    }
}
