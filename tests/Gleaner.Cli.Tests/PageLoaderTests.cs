using System.IO.Compression;
using System.Text;
using Gleaner.Cli.Input;

namespace Gleaner.Cli.Tests;

/// <summary>Page files are read by their length; the size limit and gzip handling stay as before.</summary>
public sealed class PageLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gleaner-pageloader-").FullName;
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><p>" + string.Concat(Enumerable.Repeat("A story read from a file. ", 400)) + "</p></body></html>");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private static async Task<LoadedPage> Load(string path, long maxPageBytes = 1 << 20)
    {
        using var loader = new PageLoader(new PageLoaderOptions { MaxPageBytes = maxPageBytes });
        return await loader.LoadAsync(new PageInput(path, PageInputKind.File), null, CancellationToken.None);
    }

    [Fact]
    public async Task PlainAndGzipFilesReadWhole()
    {
        Assert.Equal(Page, (await Load(Write("page.html", Page))).Bytes);
        Assert.Equal(Page, (await Load(Write("page.html.gz", Gzip(Page)))).Bytes);
        Assert.Empty((await Load(Write("empty.html", []))).Bytes);
    }

    [Fact]
    public async Task FilesOverTheLimitAreTooBigCompressedOrNot()
    {
        Assert.Contains("too big", (await Assert.ThrowsAsync<PageLoadException>(() => Load(Write("page.html", Page), Page.Length - 1))).Message);
        Assert.Contains("too big", (await Assert.ThrowsAsync<PageLoadException>(() => Load(Write("page.html.gz", Gzip(Page)), Page.Length - 1))).Message);
        Assert.Equal(Page, (await Load(Write("exact.html", Page), Page.Length)).Bytes);
    }

    [Fact]
    public async Task AGzipNameOnPlainBytesIsNamed() =>
        Assert.Contains("not a gzip file", (await Assert.ThrowsAsync<PageLoadException>(() => Load(Write("plain.html.gz", Page)))).Message);
}
