#:property TieredPGO=true
#:property ServerGarbageCollection=false

// Load on `gleaner serve` (bench/run serve): dotnet run servebench.cs -- BASE_URL SERVER_PID SECONDS
// For each of search, article and story, with 1, 16 and 64 concurrent clients for SECONDS each: requests/s,
// latency p50/p95/p99, errors, and the server's resident memory (VmRSS now, VmHWM peak) from /proc.
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
    queries.Add(word[..4] + "*");
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
Console.WriteLine($"{"kind",-8} {"clients",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"RSS MB",7} {"peak MB",8}");
var kinds = new (string Name, IReadOnlyList<string> Paths)[] { ("search", searchPaths), ("article", articlePaths), ("story", storyPaths.ToList()) };
foreach (var (name, paths) in kinds)
{
    foreach (var clients in new[] { 1, 16, 64 })
    {
        await RunAsync(baseUrl, paths, clients, TimeSpan.FromSeconds(Math.Min(2, seconds / 4))); // warm-up, not counted
        var (count, errors, latencies, elapsed) = await RunAsync(baseUrl, paths, clients, TimeSpan.FromSeconds(seconds));
        latencies.Sort();
        var (rss, peak) = Memory(serverPid);
        Console.WriteLine($"{name,-8} {clients,7} {count / elapsed,8:F0} {Percentile(latencies, 0.50),8:F1} {Percentile(latencies, 0.95),8:F1} {Percentile(latencies, 0.99),8:F1} {errors,7} {rss,7:F0} {peak,8:F0}");
    }
}
return 0;

static async Task<(int Count, int Errors, List<double> Latencies, double Seconds)> RunAsync(string baseUrl, IReadOnlyList<string> paths, int clients, TimeSpan duration)
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
            var pick = new Random(worker + 1);
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
