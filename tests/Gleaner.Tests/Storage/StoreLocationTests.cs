using Gleaner.Storage;
using Npgsql;

namespace Gleaner.Tests.Storage;

public class StoreLocationTests
{
    [Fact]
    public void NothingMeansGleanerDbInTheWorkingFolder() =>
        Assert.Equal(new StoreLocation(StoreBackend.Sqlite, "gleaner.db"), StoreLocation.Parse(null));

    [Theory]
    [InlineData("news.db")]
    [InlineData("/data/stores/news.sqlite")]
    [InlineData("folder with spaces/a=b.db")]
    public void APathIsAnSqliteFile(string value)
    {
        var location = StoreLocation.Parse(value);
        Assert.Equal(StoreBackend.Sqlite, location.Backend);
        Assert.Equal(value, location.Target);
    }

    [Fact]
    public void APostgresUrlBecomesAConnectionString()
    {
        var location = StoreLocation.Parse("postgres://news%40team:p%3Ass@db.example:6543/corpus?sslmode=require&search_path=gleaner");
        Assert.Equal(StoreBackend.PostgreSql, location.Backend);
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("news@team", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal("corpus", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("gleaner", builder.SearchPath);
        Assert.Equal("postgresql://news@team@db.example:6543/corpus", location.Describe());
        Assert.DoesNotContain("p:ss", location.Describe());
    }

    [Fact]
    public void APostgresqlUrlWithoutPortUsesTheDefault() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgresql://u@localhost/db").Target).Port);

    [Fact]
    public void AnNpgsqlConnectionStringIsPostgres()
    {
        var location = StoreLocation.Parse("Host=127.0.0.1;Username=u;Password=secret;Database=d");
        Assert.Equal(StoreBackend.PostgreSql, location.Backend);
        Assert.Equal("postgresql://u@127.0.0.1:5432/d", location.Describe());
    }

    [Theory]
    [InlineData("postgres://user:secret@/db")]
    [InlineData("postgres://user:secret@host/db?no_such_setting=1")]
    [InlineData("Host=h;Password=secret;Nonsense Key=1")]
    public void AMalformedAddressIsRefusedWithoutShowingThePassword(string value)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse(value));
        Assert.DoesNotContain("secret", error.Message);
    }
}
