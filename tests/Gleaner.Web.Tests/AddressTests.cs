using System.Net;

namespace Gleaner.Web.Tests;

public sealed class AddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::")]
    public void Loopback_private_and_reserved_addresses_are_not_public(string address) =>
        Assert.False(PageFetcher.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(PageFetcher.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("0.0.0.0:80", "0.0.0.0", 80)]
    [InlineData("8081", "127.0.0.1", 8081)]
    [InlineData("http://127.0.0.1:5000/", "127.0.0.1", 5000)]
    public void Listen_addresses_parse(string value, string address, int port)
    {
        var (parsed, parsedPort) = GleanerWeb.ParseListen(value);
        Assert.Equal(IPAddress.Parse(address), parsed);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("example.com:80")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("")]
    public void Bad_listen_addresses_are_refused(string value) =>
        Assert.Throws<FormatException>(() => GleanerWeb.ParseListen(value));
}
