#:property TieredPGO=true
#:property ServerGarbageCollection=false

// Load on `gleaner serve` (bench/run serve): dotnet run servebench.cs -- BASE_URL SERVER_PID SECONDS
// For each of search, article and story, with 1, 16 and 64 concurrent clients for SECONDS each: requests/s,
// latency p50/p95/p99, errors, the server's CPU time per request (user + system, from /proc: the figure that holds on a
// loaded machine) and its resident memory (VmRSS now, VmHWM peak), after a warm-up until the CPU a search is flat.
// Requests: searches from a fixed mixed set (words, two words, phrases, OR, prefixes, filters, newest);
// articles and stories are those the searches found, so every request asks for something that exists.
using System.Diagnostics;
using System.Net;
using System.Text.Json;

var baseUrl = args[0].TrimEnd('/');
var serverPid = int.Parse(args[1]);
var seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);

string[] words = ["government", "police", "president", "market", "health", "election", "minister", "company", "court", "school",
    "water", "energy", "price", "war", "city", "football", "china", "europe", "climate", "bank", "report", "people", "year", "week"];
var queries = new List<string>();
var random = new Random(7);
foreach (var word in words)
{
    queries.Add(word);
    queries.Add(word + " " + words[random.Next(words.Length)]);
    queries.Add("\"" + word + " said\"");
    queries.Add(word + " OR " + words[random.Next(words.Length)]);
    queries.Add(word[..Math.Min(4, word.Length)] + "*");
}
var searchPaths = new List<string>();
foreach (var query in queries)
{
    var q = Uri.EscapeDataString(query);
    searchPaths.Add($"/api/search?q={q}");
    searchPaths.Add($"/api/search?q={q}&sort=newest");
    searchPaths.Add($"/api/search?q={q}&lang=en&collapse=true");
}

using var setup = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
var articlePaths = new List<string>();
var storyPaths = new HashSet<string>();
foreach (var path in searchPaths.Take(60))
{
    using var document = JsonDocument.Parse(await setup.GetStringAsync(path));
    foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
    {
        articlePaths.Add(result.GetProperty("links").GetProperty("self").GetString()!);
        storyPaths.Add(result.GetProperty("links").GetProperty("story").GetString()!);
    }
}
Console.WriteLine($"requests: {searchPaths.Count} searches, {articlePaths.Count} articles, {storyPaths.Count} stories; {seconds:0} s per run; server pid {serverPid}");
// The server's JIT recompiles hot code for seconds after start-up (tiered compilation), and its store connections' page
// caches (64 MB each) fill from the file as searches read the index: measured before either settles, a search costs up
// to twice its steady CPU. Warm up with searches in windows, each drawing other searches of the set (the same draws every
// window would warm only their pages), until a window's CPU a request is within 5% of the one before and its page reads
// (read calls of the server, /proc/PID/io) have stopped falling (at least three windows, at most 20), so the table
// measures the server as it runs all day.
var warmWindow = TimeSpan.FromSeconds(Math.Min(3, Math.Max(1, seconds / 2)));
var warmLine = new List<string>();
double previous = double.NaN, previousReads = double.NaN;
for (var window = 1; window <= 20; window++)
{
    var before = CpuSeconds(serverPid);
    var readsBefore = ReadCalls(serverPid);
    var (warmCount, _, _, _) = await RunAsync(baseUrl, searchPaths, 2, warmWindow, draws: window);
    var perRequest = (CpuSeconds(serverPid) - before) * 1000 / Math.Max(1, warmCount);
    var readsPerRequest = (ReadCalls(serverPid) - readsBefore) / (double)Math.Max(1, warmCount);
    warmLine.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{perRequest:0.0} ms {readsPerRequest:0} reads"));
    if (window >= 3 && Math.Abs(perRequest - previous) <= 0.05 * previous && readsPerRequest >= 0.8 * previousReads - 2)
        break;
    previous = perRequest;
    previousReads = readsPerRequest;
}
Console.WriteLine($"warm-up: searches from 2 clients in {warmWindow.TotalSeconds:0} s windows until the CPU and page reads a search are flat: {string.Join(" / ", warmLine)}");
Console.WriteLine($"{"kind",-8} {"clients",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"CPU ms/req",10} {"RSS MB",7} {"peak MB",8}  load");
var kinds = new (string Name, IReadOnlyList<string> Paths)[] { ("search", searchPaths), ("article", articlePaths), ("story", storyPaths.ToList()) };
foreach (var (name, paths) in kinds)
{
    foreach (var clients in new[] { 1, 16, 64 })
    {
        await RunAsync(baseUrl, paths, clients, TimeSpan.FromSeconds(Math.Min(2, seconds / 4))); // warm-up, not counted
        var cpu = CpuSeconds(serverPid);
        var (count, errors, latencies, elapsed) = await RunAsync(baseUrl, paths, clients, TimeSpan.FromSeconds(seconds));
        var cpuPerRequest = (CpuSeconds(serverPid) - cpu) * 1000 / Math.Max(1, count);
        latencies.Sort();
        var (rss, peak) = Memory(serverPid);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine($"{name,-8} {clients,7} {count / elapsed,8:F0} {Percentile(latencies, 0.50),8:F1} {Percentile(latencies, 0.95),8:F1} {Percentile(latencies, 0.99),8:F1} {errors,7} {cpuPerRequest,10:F2} {rss,7:F0} {peak,8:F0}  {load}");
    }
}
return 0;

// Client w draws its requests from Random(w + 1) (the same draws every run), or from another sequence for each value of draws.
static async Task<(int Count, int Errors, List<double> Latencies, double Seconds)> RunAsync(string baseUrl, IReadOnlyList<string> paths, int clients, TimeSpan duration, int draws = 0)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    var latencies = new List<double>[clients];
    var errors = new int[clients];
    var clock = Stopwatch.StartNew();
    var workers = new Task[clients];
    for (var w = 0; w < clients; w++)
    {
        var worker = w;
        latencies[w] = [];
        workers[w] = Task.Run(async () =>
        {
            var pick = new Random(draws * 1_000 + worker + 1);
            while (clock.Elapsed < duration)
            {
                var path = paths[pick.Next(paths.Count)];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(baseUrl + path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                        errors[worker]++;
                }
                catch (HttpRequestException)
                {
                    errors[worker]++;
                }
                catch (TaskCanceledException)
                {
                    errors[worker]++;
                }
                latencies[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
    }
    await Task.WhenAll(workers);
    var all = latencies.SelectMany(l => l).ToList();
    return (all.Count, errors.Sum(), all, clock.Elapsed.TotalSeconds);
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

// The process's user + system CPU time so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).
static double CpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
}

// The process's read calls so far (syscr in /proc/PID/io): SQLite reads a page of the store with one call.
static long ReadCalls(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/io"))
        if (line.StartsWith("syscr:"))
            return long.Parse(line["syscr:".Length..].Trim());
    return 0;
}

static (double RssMb, double PeakMb) Memory(int pid)
{
    double rss = 0, peak = 0;
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:"))
            rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        else if (line.StartsWith("VmHWM:"))
            peak = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
    return (rss, peak);
}
