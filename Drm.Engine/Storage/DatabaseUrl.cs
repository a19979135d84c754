using Npgsql;

namespace Drm.Engine.Storage;

/// <summary>
/// Reads <c>DATABASE_URL</c> in either spelling the original system used: a URL such as
/// <c>postgresql+asyncpg://user:pass@host:5432/db?sslmode=require</c>, or an Npgsql connection string.
/// </summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            // Let Npgsql validate it: a bad key fails here, at start-up, rather than on the first query.
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }

        var scheme = value[..schemeEnd];
        if (!scheme.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"DATABASE_URL has the scheme '{scheme}'; expected postgresql:// or postgresql+driver://.");
        }

        // Uri does not accept "+" drivers in every position; normalise the scheme before parsing.
        var uri = new Uri("postgresql" + value[schemeEnd..]);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var val = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(val.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "ssl":
                    builder.SslMode = val is "true" or "require" ? SslMode.Require : SslMode.Disable;
                    break;
                case "application_name":
                    builder.ApplicationName = val;
                    break;
                default:
                    builder[key] = val;
                    break;
            }
        }

        return builder.ConnectionString;
    }
}
