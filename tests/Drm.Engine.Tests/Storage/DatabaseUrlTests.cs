using Drm.Engine.Storage;
using Npgsql;

namespace Drm.Engine.Tests.Storage;

public sealed class DatabaseUrlTests
{
    [Theory]
    [InlineData("postgresql+asyncpg://drm:p%40ss@db.example.net:6432/drm_prod", "db.example.net", 6432, "drm", "p@ss", "drm_prod")]
    [InlineData("postgresql://drm:pw@127.0.0.1/drm", "127.0.0.1", 5432, "drm", "pw", "drm")]
    [InlineData("postgres://u@[::1]:5433/d", "::1", 5433, "u", null, "d")]
    [InlineData("Host=h;Port=7;Username=u;Password=p;Database=d", "h", 7, "u", "p", "d")]
    public void ToConnectionString_BothSpellings_GiveTheSameSettings(
        string url, string host, int port, string user, string? password, string database)
    {
        var sut = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url));

        sut.Host.ShouldBe(host);
        sut.Port.ShouldBe(port);
        sut.Username.ShouldBe(user);
        sut.Password.ShouldBe(password);
        sut.Database.ShouldBe(database);
    }

    [Fact]
    public void ToConnectionString_SslModeQuery_IsHonoured() =>
        new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgresql://u:p@h/d?sslmode=require")).SslMode.ShouldBe(SslMode.Require);

    [Theory]
    [InlineData("mysql://u:p@h/d")]
    [InlineData("Nonsense=1")]
    public void ToConnectionString_Unreadable_Throws(string url) =>
        Assert.ThrowsAny<Exception>(() => DatabaseUrl.ToConnectionString(url));
}
