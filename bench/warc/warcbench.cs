#:project ../../src/Gleaner/Gleaner.csproj
#:property TieredPGO=true
#:property ServerGarbageCollection=false
#:property ConcurrentGarbageCollection=false

// WARC benchmark (bench/run warc):
//   dotnet run warcbench.cs -- make HTML_DIR OUT.warc.gz MEGABYTES   builds a WARC from the benchmark pages, repeated with varied URLs
//   dotnet run warcbench.cs -- measure OUT.warc.gz                   reading alone, extraction alone and the whole harvest, one core and all
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gleaner.Archives;
using Gleaner.Extraction;

return args.Length > 0 && args[0] == "make" ? Make(args[1], args[2], long.Parse(args[3])) : await Measure(args[1]);

static int Make(string htmlDir, string output, long megabytes)
{
    var pages = Directory.GetFiles(htmlDir, "*.html.gz").Order(StringComparer.Ordinal).Select(path =>
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return (Name: Path.GetFileName(path)[..^".html.gz".Length], Html: buffer.ToArray());
    }).ToArray();
    var start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    long written = 0;
    var count = 0;
    using (var writer = new WarcWriter(output, new WarcWriterOptions { MaxFileBytes = long.MaxValue, CompressionLevel = CompressionLevel.Fastest }))
    {
        while (written < megabytes * 1_000_000)
        {
            var (name, html) = pages[count % pages.Length];
            var uri = new Uri($"https://news{count / pages.Length % 50}.example/{2024 + count % 3}/{count % 12 + 1:D2}/{name}-{count}");
            var request = HttpMessages.Request("GET", uri, [new("User-Agent", "Gleaner-bench")]);
            var response = HttpMessages.Response(200, "OK", [new("Content-Type", "text/html; charset=utf-8")], html);
            writer.WriteExchange(uri.AbsoluteUri, start.AddSeconds(count), request, response, "192.0.2.1");
            written += response.Length + request.Length;
            count++;
        }
    }
    Console.WriteLine($"{output}: {count} pages, {written / 1e6:F0} MB of HTTP messages, {new FileInfo(output).Length / 1e6:F0} MB on disk");
    return 0;
}

static async Task<int> Measure(string path)
{
    var fileMb = new FileInfo(path).Length / 1e6;
    // CPU time next to wall time: on a shared machine the wall clock also counts other people's work.
    var process = Process.GetCurrentProcess();
    TimeSpan Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    // 1. Reading alone: records, HTTP parsing, gzip members and content decoding, on one core.
    (double Seconds, double CpuSeconds, int Pages, long HtmlBytes) ReadOnly()
    {
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        int pages = 0;
        long html = 0;
        using var reader = WarcReader.Open(path);
        while (reader.Read() is { } record)
        {
            using (record)
            {
                if (record.ReadHttpResponse() is not { StatusCode: 200 } http)
                    continue;
                using var body = http.DecodeBody();
                if (!HtmlSniffer.IsHtml(http.ContentType, body.Span))
                    continue;
                pages++;
                html += body.Length;
            }
        }
        return (clock.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds, pages, html);
    }

    // 2. Extraction alone, on one core, over the pages already in memory (decoding bytes to text included).
    var bodies = new List<(byte[] Html, string Uri)>();
    using (var reader = WarcReader.Open(path))
        while (reader.Read() is { } record)
            using (record)
                if (record.ReadHttpResponse() is { StatusCode: 200 } http)
                    using (var body = http.DecodeBody())
                        bodies.Add((body.Span.ToArray(), record.TargetUri!));
    var extractor = new ArticleExtractor();
    (double Seconds, double CpuSeconds) ExtractOnly()
    {
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        foreach (var (html, uri) in bodies)
            extractor.Extract(html, "text/html; charset=utf-8", uri);
        return (clock.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds);
    }

    // 3. The whole harvest (reader thread, classifier, extraction, filters), one worker and one per core.
    async Task<(double Seconds, double CpuSeconds, long Articles)> Harvest(int workers, bool classify)
    {
        var harvester = new WarcHarvester(extractor, new WarcHarvestOptions { Workers = workers, KeepListings = !classify });
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        long articles = 0;
        await foreach (var harvested in harvester.RunAsync([new WarcSource(path)]))
            if (harvested is WarcArticle)
                articles++;
        return (clock.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds, articles);
    }

    var first = ExtractOnly(); // warm-up pass; the JIT reaches full speed after a few thousand pages
    var read = ReadOnly();
    var extract = ExtractOnly();
    var one = await Harvest(1, classify: true);
    var oneNoClassifier = await Harvest(1, classify: false);
    var all = await Harvest(Environment.ProcessorCount, classify: true);
    var htmlMb = read.HtmlBytes / 1e6;

    Console.WriteLine($"WARC: {fileMb:F0} MB on disk, {read.Pages} HTML pages, {htmlMb:F0} MB of HTML; {Environment.ProcessorCount} cores");
    Console.WriteLine("| run | wall s | pages/s | MB/s (file) | MB/s (HTML) | CPU s | pages per CPU s |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    void Row(string name, double seconds, double cpuSeconds, int pages) =>
        Console.WriteLine($"| {name} | {seconds:F1} | {pages / seconds:F0} | {fileMb / seconds:F1} | {htmlMb / seconds:F1} | {cpuSeconds:F1} | {pages / cpuSeconds:F0} |");
    Row("read + decompress only, 1 thread", read.Seconds, read.CpuSeconds, read.Pages);
    Row("extraction alone, 1 thread, first pass", first.Seconds, first.CpuSeconds, bodies.Count);
    Row("extraction alone, 1 thread, warm", extract.Seconds, extract.CpuSeconds, bodies.Count);
    Row("harvest without classifier, 1 worker", oneNoClassifier.Seconds, oneNoClassifier.CpuSeconds, read.Pages);
    Row("harvest, 1 worker", one.Seconds, one.CpuSeconds, read.Pages);
    Row($"harvest, {Environment.ProcessorCount} workers", all.Seconds, all.CpuSeconds, read.Pages);
    Console.WriteLine($"reading + decompressing: {100 * read.CpuSeconds / one.CpuSeconds:F1}% of the CPU time of a one-worker harvest " +
        $"({100 * read.Seconds / one.Seconds:F1}% of its wall time); articles kept {one.Articles}/{read.Pages}");
    return 0;
}
