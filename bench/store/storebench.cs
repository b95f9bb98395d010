#:project ../../src/Gleaner.Harvesting/Gleaner.Harvesting.csproj
#:property TieredPGO=true
#:property ServerGarbageCollection=false
#:property ConcurrentGarbageCollection=false

// Store and near-duplicate benchmarks (bench/run store, bench/run search, bench/run dedup):
//   dotnet run storebench.cs -- store GROUND_TRUTH.json COUNT SCENARIOS STORE...   import COUNT synthetic records into each store,
//        once per scenario (comma-separated): distinct (no copies), stories (stories of ~550 copies), mixed (every tenth a copy)
//   dotnet run storebench.cs -- search GROUND_TRUTH.json COUNT DATABASE   in-process search latency over a mixed query set on a
//        SQLite store of COUNT records (built once and kept at DATABASE, reused while it holds COUNT records)
//   dotnet run storebench.cs -- dedup GROUND_TRUTH.json                   precision and recall of the story detector
//   dotnet run storebench.cs -- import GROUND_TRUTH.json COUNT SCENARIOS FOLDER GLEANER...   the command `GLEANER... import FILE`
//        over each scenario's records as JSON Lines (written once to FOLDER), against the plain insert of the same file
// Synthetic records are made from the sentences of the benchmark's real article bodies, with words replaced at
// random so no two bodies share more than chance phrases; copies are edited copies of an earlier record.
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gleaner;
using Gleaner.Dedup;
using Gleaner.Storage;

var corpus = Corpus.Load(args[1]);
return args[0] switch
{
    "store" => await StoreBench.Run(corpus, int.Parse(args[2]), args[3].Split(','), args[4..]),
    "search" => await SearchBench.Run(corpus, int.Parse(args[2]), args[3]),
    "dedup" => DedupBench.Run(corpus),
    "import" => await ImportBench.Run(corpus, int.Parse(args[2]), args[3].Split(','), args[4], args[5..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: storebench.cs store GROUND_TRUTH.json COUNT distinct,stories,mixed STORE... | search GROUND_TRUTH.json COUNT DATABASE | dedup GROUND_TRUTH.json");
    return 2;
}

/// <summary>Sentences and words of real article bodies, and a generator of realistic synthetic records.</summary>
sealed class Corpus
{
    public required string[][] Bodies { get; init; }      // paragraphs of each real article
    public required string[] Sentences { get; init; }
    public required string[] Words { get; init; }         // every token, so drawing from it follows word frequency

    public static Corpus Load(string groundTruth)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(groundTruth));
        var bodies = new List<string[]>();
        var sentences = new List<string>();
        var words = new List<string>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var body = entry.Value.GetProperty("articleBody").GetString() ?? "";
            var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length == 0)
                continue;
            bodies.Add(paragraphs);
            foreach (var paragraph in paragraphs)
                foreach (var sentence in paragraph.Split(". ", StringSplitOptions.RemoveEmptyEntries))
                {
                    var tokens = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length < 5)
                        continue;
                    sentences.Add(sentence.TrimEnd('.') + ".");
                    words.AddRange(tokens);
                }
        }
        return new Corpus { Bodies = bodies.ToArray(), Sentences = sentences.ToArray(), Words = words.ToArray() };
    }

    /// <summary>A body of 8-14 paragraphs (about 3 KB): corpus sentences with a third of their words replaced.</summary>
    public string Body(Random random)
    {
        var text = new StringBuilder();
        var paragraphs = random.Next(8, 15);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
                text.Append('\n');
            var sentences = random.Next(1, 4);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                    text.Append(' ');
                var tokens = Sentences[random.Next(Sentences.Length)].Split(' ');
                for (var t = 0; t < tokens.Length; t++)
                {
                    if (t > 0)
                        text.Append(' ');
                    text.Append(random.NextDouble() < 0.33 ? Words[random.Next(Words.Length)] : tokens[t]);
                }
            }
        }
        return text.ToString();
    }

    public string Title(Random random)
    {
        var title = new StringBuilder();
        var length = random.Next(6, 12);
        for (var i = 0; i < length; i++)
            title.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        return title.ToString();
    }

    /// <summary>A copy of a wire story as another site runs it: a few words changed, maybe a paragraph cut or added.</summary>
    public string EditedCopy(string text, Random random, double wordChanges = 0.03)
    {
        var paragraphs = text.Split('\n').ToList();
        if (paragraphs.Count > 4 && random.NextDouble() < 0.5)
            paragraphs.RemoveAt(paragraphs.Count - 1);
        if (random.NextDouble() < 0.5)
            paragraphs.Add("This article was first published by a news agency and has been edited for length.");
        var result = new StringBuilder();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (p > 0)
                result.Append('\n');
            var tokens = paragraphs[p].Split(' ');
            for (var t = 0; t < tokens.Length; t++)
            {
                if (t > 0)
                    result.Append(' ');
                result.Append(random.NextDouble() < wordChanges ? Words[random.Next(Words.Length)] : tokens[t]);
            }
        }
        return result.ToString();
    }
}

/// <summary>The synthetic records of each scenario, in a fixed order (same seed, same records).</summary>
static class Scenarios
{
    private static readonly string[] Authors = ["Ana Silva", "Ben Okafor", "Chen Wei", "Dara Byrne", "Eva Novak", "Farid Haddad", "Grace Kim", "Hugo Laurent"];
    public static readonly string[] Tags = ["politics", "economy", "climate", "health", "technology", "sport", "culture", "world", "science", "energy"];
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Copies per story in the stories scenario, and how many stories run at once (their copies interleaved).</summary>
    public const int StoryCopies = 550;
    public const int StoriesAtOnce = 10;

    /// <summary>The records in order, each with the number of the record it copies (its own number when it is no copy).</summary>
    public static IEnumerable<(Article Article, int Original)> Records(Corpus corpus, int count, string scenario)
    {
        var random = new Random(20261128);
        var recent = new List<(string Text, int Number)>();
        var running = new (string Text, int Number)[StoriesAtOnce];
        for (var n = 0; n < count; n++)
        {
            string text;
            var original = n;
            switch (scenario)
            {
                case "distinct":
                    text = corpus.Body(random);
                    break;
                case "stories":
                    // Blocks of StoriesAtOnce x StoryCopies records: StoriesAtOnce wire stories, each run by StoryCopies sites.
                    var slot = n % StoriesAtOnce;
                    if (n % (StoriesAtOnce * StoryCopies) < StoriesAtOnce)
                        running[slot] = (corpus.Body(random), n);
                    text = running[slot].Number == n ? running[slot].Text : corpus.EditedCopy(running[slot].Text, random);
                    original = running[slot].Number;
                    break;
                case "mixed":
                    var copy = n % 10 == 9 && recent.Count > 0;
                    if (copy)
                    {
                        var source = recent[random.Next(recent.Count)];
                        text = corpus.EditedCopy(source.Text, random);
                        original = source.Number;
                    }
                    else
                        text = corpus.Body(random);
                    if (!copy)
                    {
                        recent.Add((text, n));
                        if (recent.Count > 500)
                            recent.RemoveAt(0);
                    }
                    break;
                default:
                    throw new ArgumentException($"unknown scenario '{scenario}' (distinct, stories, mixed)");
            }
            var site = $"site{random.Next(200)}.example";
            // Published about when stored, give or take three days, so date order is close to but not the storing order.
            var published = Start.AddMinutes(n * 5 + random.Next(-3 * 24 * 60, 3 * 24 * 60));
            yield return (new Article
            {
                Url = $"https://{site}/news/2024/{n % 12 + 1:D2}/story-{n}",
                SourceDomain = site,
                Title = corpus.Title(random),
                Description = corpus.Sentences[random.Next(corpus.Sentences.Length)],
                Text = text,
                Authors = [Authors[random.Next(Authors.Length)]],
                Published = published.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
                Language = "en",
                Section = Tags[random.Next(Tags.Length)],
                Tags = [Tags[random.Next(Tags.Length)], Tags[random.Next(Tags.Length)]],
            }, original);
        }
    }
}

static class StoreBench
{
    public static async Task<int> Run(Corpus corpus, int count, string[] scenarios, string[] stores)
    {
        var checkpoints = new SortedSet<int> { Math.Min(10_000, count), count };
        foreach (var store in stores)
            foreach (var scenario in scenarios)
                await RunOne(corpus, count, scenario, store, checkpoints);
        return 0;
    }

    private static async Task RunOne(Corpus corpus, int count, string scenario, string location, SortedSet<int> checkpoints)
    {
        var target = StoreLocation.Parse(location);
        if (target.Backend == StoreBackend.PostgreSql)
        {
            // A schema of its own, made anew, so each run starts from an empty store.
            await using (var connection = new Npgsql.NpgsqlConnection(target.Target))
            {
                await connection.OpenAsync();
                await using var reset = new Npgsql.NpgsqlCommand("DROP SCHEMA IF EXISTS store_bench CASCADE; CREATE SCHEMA store_bench", connection);
                await reset.ExecuteNonQueryAsync();
            }
            location = new Npgsql.NpgsqlConnectionStringBuilder(target.Target) { SearchPath = "store_bench" }.ConnectionString;
        }
        else
        {
            location = Path.ChangeExtension(target.Target, null) + "-" + scenario + ".db";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(location + suffix);
        }
        target = StoreLocation.Parse(location);
        if (target.Backend == StoreBackend.Sqlite)
            await PlainInsertAsync(corpus, count, scenario, Path.ChangeExtension(target.Target, null) + "-plain.db");
        Console.WriteLine($"== {target.Backend} {target.Describe()}: {count:N0} records, scenario {scenario}");
        await using var store = await ArticleStores.OpenAsync(location);
        var batch = new List<Article>(500);
        var stored = 0;
        var since = 0;
        var clock = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        var totalCpu = TimeSpan.Zero;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var linked = 0;
        foreach (var (record, _) in Scenarios.Records(corpus, count, scenario))
        {
            batch.Add(record);
            if (batch.Count < 500 && stored + batch.Count < count && !checkpoints.Contains(stored + batch.Count))
                continue;
            linked += (await store.SaveAsync(batch)).LinkedToStories;
            stored += batch.Count;
            batch.Clear();
            if (!checkpoints.Contains(stored))
                continue;
            total.Stop(); // the figures below are not import time
            totalCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"-- at {stored:N0} records");
            Console.WriteLine($"   import, records {since:N0}-{stored:N0}: {(stored - since) / seconds:N0} records/s wall, client CPU {cpuSeconds * 1000 / (stored - since):F2} ms/record; {linked:N0} joined a story");
            if (stored == count && target.Backend == StoreBackend.Sqlite)
                Console.WriteLine($"   whole import: {count / total.Elapsed.TotalSeconds:N0} records/s wall = {count / total.Elapsed.TotalSeconds / PlainRate:P0} of the plain insert's rate; " +
                    $"CPU {totalCpu.TotalSeconds * 1000 / count:F2} ms/record = {PlainCpu * count / totalCpu.TotalSeconds:P0} of the plain insert's rate by CPU time");
            var stats = await store.GetStatisticsAsync(ArticleFilter.None);
            var largest = await store.GetStoriesAsync(ArticleFilter.None, 1);
            Console.WriteLine($"   {stats.Stories:N0} stories, the largest {largest[0].Copies:N0} copies; size: {await SizeAsync(store, target) / (double)stored:N0} bytes/record");
            if (scenario != "stories")
            {
                await SearchLatencyAsync(store);
                await DedupLookupAsync(store, corpus);
            }
            since = stored;
            linked = 0;
            total.Start();
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
        }
    }

    /// <summary>
    /// The reference the import is measured against, in the same run (the machine is shared, so only ratios are
    /// stable): the same records in the same batches of 500 into a SQLite file with the store's articles table and
    /// FTS5 index (same columns, same triggers, same WAL settings) by one reused INSERT, without keys, story linking
    /// or anything else the store does.
    /// </summary>
    private static Task PlainInsertAsync(Corpus corpus, int count, string scenario, string path) =>
        PlainInsertAsync(Scenarios.Records(corpus, count, scenario).Select(r => r.Article), count, scenario, path);

    public static async Task PlainInsertAsync(IEnumerable<Article> records, int count, string scenario, string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                CREATE TABLE articles (id INTEGER PRIMARY KEY, published_at INTEGER, story_id INTEGER, url TEXT NOT NULL UNIQUE,
                    source_domain TEXT, language TEXT, section TEXT, tags TEXT NOT NULL DEFAULT '[]', authors TEXT NOT NULL DEFAULT '[]',
                    site_name TEXT, published TEXT, modified TEXT, fetched TEXT, first_seen TEXT NOT NULL, last_saved TEXT NOT NULL,
                    image TEXT, title TEXT, description TEXT, text TEXT, canonical_url TEXT);
                CREATE INDEX articles_published_at ON articles(published_at);
                CREATE INDEX articles_source_domain ON articles(source_domain);
                CREATE INDEX articles_language ON articles(language);
                CREATE INDEX articles_story ON articles(story_id);
                CREATE VIRTUAL TABLE articles_fts USING fts5(title, description, text, content = 'articles', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
                END;
                """;
            await schema.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        string[] columns = ["published_at", "url", "source_domain", "language", "section", "tags", "authors", "published", "first_seen", "last_saved", "title", "description", "text"];
        insert.CommandText = $"INSERT INTO articles ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        foreach (var column in columns)
            insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@" + column, null));
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var n = 0;
        DbTransaction? transaction = null;
        foreach (var record in records)
        {
            if (n++ % 500 == 0)
            {
                await BenchSql.CommitAsync(transaction);
                transaction = await connection.BeginTransactionAsync();
                insert.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
            }
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            object[] values =
            [
                DateTimeOffset.Parse(record.Published!).ToUnixTimeSeconds(), record.Url!, record.SourceDomain!, record.Language!, record.Section!,
                BenchSql.JsonList(record.Tags), BenchSql.JsonList(record.Authors), record.Published!, now, now, record.Title!, record.Description!, record.Text!,
            ];
            await BenchSql.InsertAsync(insert, values);
        }
        await BenchSql.CommitAsync(transaction);
        var rate = count / clock.Elapsed.TotalSeconds;
        PlainRate = rate;
        PlainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / count;
        Console.WriteLine($"== reference: plain SQLite insert, same FTS5 schema, batches of 500, scenario {scenario}: {rate:N0} records/s wall, CPU {PlainCpu * 1000:F2} ms/record");
    }

    public static double PlainRate, PlainCpu;

    private static async Task<long> SizeAsync(IArticleStore store, StoreLocation location)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        if (location.Backend == StoreBackend.Sqlite)
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
            return new FileInfo(location.Target).Length;
        }
        command.CommandText = "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task SearchLatencyAsync(IArticleStore store)
    {
        var requests = SearchBench.Requests(null).Select(r => r.Request).ToList();
        foreach (var request in requests)
            await store.SearchAsync(request); // warm caches and the JIT
        var timings = new List<double>();
        var hits = 0;
        for (var round = 0; round < 3; round++)
            foreach (var request in requests)
            {
                var clock = Stopwatch.StartNew();
                hits += (await store.SearchAsync(request)).Count;
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        timings.Sort();
        Console.WriteLine($"   search ({requests.Count} queries x 3, 20 results): median {timings[timings.Count / 2]:F1} ms, p95 {timings[(int)(timings.Count * 0.95)]:F1} ms, {hits / (double)timings.Count:F1} hits/query");
    }

    /// <summary>The near-duplicate lookup a write does: the signature, then the band-key index probe for candidates.</summary>
    private static async Task DedupLookupAsync(IArticleStore store, Corpus corpus)
    {
        var random = new Random(7);
        var texts = Enumerable.Range(0, 500).Select(_ => corpus.Body(random)).ToList();
        var signatureClock = Stopwatch.StartNew();
        var signatures = texts.Select(t => MinHash.Signature(t)!).ToList();
        var signatureMicros = signatureClock.Elapsed.TotalMicroseconds / texts.Count;

        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var keys = new long[MinHash.Bands];
        var list = new StringBuilder();
        for (var i = 0; i < MinHash.Bands; i++)
        {
            list.Append(i == 0 ? "@k" : ", @k").Append(i);
            var parameter = command.CreateParameter();
            parameter.ParameterName = "k" + i;
            parameter.Value = 0L;
            command.Parameters.Add(parameter);
        }
        // SQLite keeps the newest records' band keys in a table of their own (schema 6).
        command.CommandText = store.Backend == StoreBackend.Sqlite
            ? $"SELECT (SELECT count(*) FROM story_bands WHERE band_key IN ({list})) + (SELECT count(*) FROM story_bands_new WHERE band_key IN ({list}))"
            : $"SELECT count(*) FROM story_bands WHERE band_key IN ({list})";
        long candidates = 0;
        var lookupClock = new Stopwatch();
        foreach (var signature in signatures)
        {
            MinHash.BandKeys(signature, keys);
            for (var i = 0; i < keys.Length; i++)
                command.Parameters[i].Value = keys[i];
            lookupClock.Start();
            candidates += Convert.ToInt64(await command.ExecuteScalarAsync());
            lookupClock.Stop();
        }
        Console.WriteLine($"   near-duplicate lookup per insert: signature {signatureMicros:F0} µs + band index probe {lookupClock.Elapsed.TotalMicroseconds / signatures.Count:F0} µs ({candidates / (double)signatures.Count:F2} candidates)");
    }
}

/// <summary>In-process search latency on a large SQLite store, over a mixed query set, per kind of query.</summary>
static class SearchBench
{
    private static readonly string[] Queries =
    [
        "government", "climate change", "\"prime minister\"", "election OR vote", "market -stocks", "health care workers",
        "\"the company said\"", "technology*", "energy prices", "police", "(football OR soccer) league", "president said",
        "water", "school teachers", "\"last year\"", "city council", "research university", "interest rates", "war", "internet",
    ];

    /// <summary>Words in nearly every record.</summary>
    private static readonly string[] CommonWords = ["said", "people", "year"];

    /// <summary>
    /// The mixed set: the 20 queries each plain, newest-first with a tag filter and collapsed with a date filter; common
    /// words by relevance, newest-first and with a site filter; rare words (of the corpus) by relevance and newest-first.
    /// </summary>
    public static List<(string Kind, SearchRequest Request)> Requests(Corpus? corpus)
    {
        var requests = new List<(string, SearchRequest)>();
        foreach (var query in Queries)
        {
            requests.Add(("query, relevance", new SearchRequest(query)));
            requests.Add(("query, newest, tag", new SearchRequest(query) { Sort = SearchSort.Newest, Filter = new ArticleFilter { Tag = "politics" } }));
            requests.Add(("query, collapsed, since", new SearchRequest(query) { Collapse = true, Filter = new ArticleFilter { Since = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) } }));
        }
        if (corpus is null)
            return requests;
        foreach (var word in CommonWords)
        {
            requests.Add(("common word, relevance", new SearchRequest(word)));
            requests.Add(("common word, newest", new SearchRequest(word) { Sort = SearchSort.Newest }));
            requests.Add(("common word, site", new SearchRequest(word) { Filter = new ArticleFilter { Site = "site7.example" } }));
        }
        foreach (var word in RareWords(corpus, 5))
        {
            requests.Add(("rare word, relevance", new SearchRequest(word)));
            requests.Add(("rare word, newest", new SearchRequest(word) { Sort = SearchSort.Newest }));
        }
        return requests;
    }

    /// <summary>Words of at least 7 letters that occur twice in the corpus, chosen the same way every run.</summary>
    private static IEnumerable<string> RareWords(Corpus corpus, int count) =>
        corpus.Words.Where(w => w.Length >= 7 && w.All(char.IsAsciiLetterLower))
            .GroupBy(w => w).Where(g => g.Count() == 2).Select(g => g.Key).Order(StringComparer.Ordinal).Take(count);

    public static async Task<int> Run(Corpus corpus, int count, string database)
    {
        long stored;
        await using (var existing = await ArticleStores.OpenAsync(database))
            stored = (await existing.GetStatisticsAsync(ArticleFilter.None)).Articles;
        if (stored != count)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(database + suffix);
            await BuildAsync(corpus, count, database);
        }
        await using var search = await ArticleStores.OpenAsync(database, new StoreOptions { CreateIfMissing = false });
        var requests = Requests(corpus);
        Console.WriteLine($"== search: {count:N0} records, {requests.Count} requests (20 results each), in process");
        var warm = Stopwatch.StartNew();
        foreach (var (_, request) in requests)
            await search.SearchAsync(request); // the first pass reads the pages into the cache and warms the JIT
        Console.WriteLine($"   first pass (cold cache): {warm.Elapsed.TotalMilliseconds / requests.Count:F1} ms/request");
        // Wall time is what a caller waits; CPU time (the process's, per request) is what the search costs when the
        // machine is shared: both are printed, with the load average, so a run on a busy machine can still be read.
        var timings = new List<double>();
        var cpuTimings = new List<double>();
        var byKind = new Dictionary<string, (List<double> Wall, List<double> Cpu)>();
        var hits = 0;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        for (var round = 0; round < 3; round++)
            foreach (var (kind, request) in requests)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                hits += (await search.SearchAsync(request)).Count;
                var ms = clock.Elapsed.TotalMilliseconds;
                var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
                timings.Add(ms);
                cpuTimings.Add(cpuMs);
                if (!byKind.TryGetValue(kind, out var lists))
                    byKind[kind] = lists = ([], []);
                lists.Wall.Add(ms);
                lists.Cpu.Add(cpuMs);
            }
        foreach (var (kind, (wall, cpu)) in byKind)
            Console.WriteLine($"   {kind,-26} median {Median(wall),7:F1} ms, p95 {Percentile(wall, 0.95),7:F1} ms, max {wall.Max(),7:F1} ms; CPU median {Median(cpu),7:F1} ms, max {cpu.Max(),7:F1} ms");
        if (Environment.GetEnvironmentVariable("EACH") == "1") // each request's CPU median over the rounds, to find the slow ones
            for (var i = 0; i < requests.Count; i++)
            {
                var (kind, request) = requests[i];
                var cpu = Median([cpuTimings[i], cpuTimings[i + requests.Count], cpuTimings[i + 2 * requests.Count]]);
                Console.WriteLine($"      {cpu,7:F1} ms CPU  {kind,-26} {request.Query}");
            }
        Console.WriteLine($"search at {count:N0} records: median {Median(timings):F1} ms, p95 {Percentile(timings, 0.95):F1} ms over {timings.Count} requests; " +
            $"CPU per request median {Median(cpuTimings):F1} ms, p95 {Percentile(cpuTimings, 0.95):F1} ms; {hits / (double)timings.Count:F1} hits/request; load average {load} at the start ({Environment.ProcessorCount} cores)");
        // Ranking every match of a common word at a million records takes minutes on a shared machine: smaller stores only, or when asked.
        if (count <= 200_000 || Environment.GetEnvironmentVariable("COMPARE_CAPS") == "1")
            await CompareRankingCapsAsync(database, requests.Where(r => r.Request.Sort == SearchSort.Relevance).Select(r => r.Request).ToList());
        return 0;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * share))];
    }

    /// <summary>
    /// What the relevance cap (StoreOptions.RankedMatches) costs and saves: each relevance request ranked over every match
    /// (the reference) and over the newest N matches, in the same run; latency, and how much of the reference's first
    /// page the capped page keeps.
    /// </summary>
    private static async Task CompareRankingCapsAsync(string database, List<SearchRequest> requests)
    {
        // Ranking every match of a common word takes long on a loaded machine: no timeout here.
        requests = requests.Select(r => r with { Timeout = TimeSpan.FromHours(1) }).ToList();
        async Task<(List<double> Timings, List<HashSet<string>> Pages)> RunAsync(int cap)
        {
            await using var store = await ArticleStores.OpenAsync(database, new StoreOptions { CreateIfMissing = false, RankedMatches = cap });
            if (cap != int.MaxValue)
                foreach (var request in requests)
                    await store.SearchAsync(request);
            var timings = new List<double>();
            var pages = new List<HashSet<string>>();
            foreach (var request in requests)
            {
                var clock = Stopwatch.StartNew();
                var hits = await store.SearchAsync(request);
                timings.Add(clock.Elapsed.TotalMilliseconds);
                pages.Add(hits.Select(h => h.Stored.Article.Url!).ToHashSet());
            }
            timings.Sort();
            return (timings, pages);
        }
        Console.WriteLine($"== relevance cap: {requests.Count} relevance requests, first page of 20 against ranking every match");
        var (allTimings, reference) = await RunAsync(int.MaxValue);
        Console.WriteLine($"   every match ranked     median {Median(allTimings),7:F1} ms, p95 {allTimings[(int)(allTimings.Count * 0.95)],7:F1} ms");
        foreach (var cap in new[] { 10_000, new StoreOptions().RankedMatches, 1_000 })
        {
            var (timings, pages) = await RunAsync(cap);
            double kept = 0;
            var same = 0;
            for (var i = 0; i < pages.Count; i++)
            {
                kept += reference[i].Count == 0 ? 1 : pages[i].Intersect(reference[i]).Count() / (double)reference[i].Count;
                if (pages[i].SetEquals(reference[i]))
                    same++;
            }
            Console.WriteLine($"   newest {cap,6:N0} ranked   median {Median(timings),7:F1} ms, p95 {timings[(int)(timings.Count * 0.95)],7:F1} ms; " +
                $"keeps {kept / pages.Count:P0} of the reference's first page, the same page for {same}/{pages.Count} requests");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>
    /// The mixed scenario's records (every tenth a copy) written straight into the store's tables in transactions of
    /// 20,000, without copy detection (search does not use it): a million records through the full write path would
    /// take hours on a shared machine. Copies get the story of the record they copy, so collapsing has stories to fold.
    /// Only columns that every schema version has are named, so the same builder fills stores of older versions.
    /// </summary>

    private static async Task BuildAsync(Corpus corpus, int count, string database)
    {
        Console.WriteLine($"== building {database}: {count:N0} records");
        var clock = Stopwatch.StartNew();
        await using var store = await ArticleStores.OpenAsync(database);
        await using var connection = await store.OpenConnectionAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        string[] columns = ["id", "url", "source_domain", "title", "description", "text", "authors", "published", "published_at", "language", "section", "tags", "first_seen", "last_saved", "story_id"];
        insert.CommandText = $"INSERT INTO articles ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        foreach (var column in columns)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@" + column;
            insert.Parameters.Add(parameter);
        }
        DbTransaction? transaction = null;
        long id = 0;
        foreach (var (record, original) in Scenarios.Records(corpus, count, "mixed"))
        {
            if (id % 20_000 == 0)
            {
                if (transaction is not null)
                {
                    await transaction.CommitAsync();
                    await transaction.DisposeAsync();
                    if (id % 100_000 == 0)
                        Console.WriteLine($"   {id:N0} records in {clock.Elapsed.TotalSeconds:F0} s");
                }
                transaction = await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
            }
            id++;
            long story = original + 1; // ids count from 1
            object[] values =
            [
                id, record.Url!, record.SourceDomain!, record.Title!, record.Description!, record.Text!, BenchSql.JsonList(record.Authors),
                record.Published!, DateTimeOffset.Parse(record.Published!).ToUnixTimeSeconds(), record.Language!, record.Section!,
                BenchSql.JsonList(record.Tags), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", story,
            ];
            await BenchSql.InsertAsync(insert, values);
        }
        await BenchSql.CommitAsync(transaction);
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"   built in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:N0} records/s), {new FileInfo(database).Length / 1e9:F2} GB");
    }
}

/// <summary>What the direct inserts of the bench share.</summary>
/// <summary>
/// <c>gleaner import</c> as users run it (a child process, its standard error not a terminal), over a JSON Lines file of
/// each scenario's records, against the plain insert (<see cref="StoreBench.PlainInsertAsync"/>) of the same file read
/// by the same reader on one thread, in the same run: only the ratio is stable on a shared machine.
/// </summary>
static class ImportBench
{
    public static async Task<int> Run(Corpus corpus, int count, string[] scenarios, string folder, string[] gleaner)
    {
        foreach (var scenario in scenarios)
        {
            var file = Path.Combine(folder, $"import-{scenario}-{count}.jsonl");
            if (!File.Exists(file))
            {
                await using (var writer = new StreamWriter(file + ".part"))
                    foreach (var (record, _) in Scenarios.Records(corpus, count, scenario))
#pragma warning disable IL2026, IL3050 // the record's type information is source-generated (ArticleJson)
                        await writer.WriteLineAsync(JsonSerializer.Serialize(record, ArticleJson.Compact));
#pragma warning restore IL2026, IL3050
                File.Move(file + ".part", file, overwrite: true);
            }
            var plain = Path.Combine(folder, $"import-{scenario}-plain.db");
            var records = Gleaner.Formats.ArticleFiles.Read(file).Where(item => !item.IsError).Select(item => item.Article!);
            await StoreBench.PlainInsertAsync(records, count, scenario, plain);
            var store = Path.Combine(folder, $"import-{scenario}.db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(store + suffix);
            var times = Path.Combine(folder, "import-time.txt");
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])["-f", "%U %S", "-o", times, .. gleaner, "import", file, "--store", store])
                start.ArgumentList.Add(arg);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = File.ReadAllLines(times)[^1].Split(' ').Sum(double.Parse);
            var summary = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            Console.WriteLine($"== gleaner import, {count:N0} records, scenario {scenario} (exit {process.ExitCode}): {count / seconds:N0} records/s wall = " +
                $"{count / seconds / StoreBench.PlainRate:P0} of the plain insert's rate; CPU {cpu * 1000 / count:F2} ms/record; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine($"   {summary}");
        }
        return 0;
    }
}

static class BenchSql
{
    public static string JsonList(IEnumerable<string> values) => "[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]";

    public static async Task InsertAsync(DbCommand insert, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            insert.Parameters[i].Value = values[i];
        await insert.ExecuteNonQueryAsync();
    }

    public static async Task CommitAsync(DbTransaction? transaction)
    {
        if (transaction is null)
            return;
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
    }
}

static class DedupBench
{
    /// <summary>Edits that make copies (positives) and pairings that make different articles on one topic (negatives).</summary>
    public static int Run(Corpus corpus)
    {
        var random = new Random(11);
        var positives = new List<(string Kind, string A, string B)>();
        var negatives = new List<(string Kind, string A, string B)>();
        var bodies = corpus.Bodies.Where(b => string.Join(' ', b).Split(' ').Length >= 120).ToArray();
        foreach (var paragraphs in bodies)
        {
            var text = string.Join('\n', paragraphs);
            positives.Add(("identical body, other site", text, text));
            positives.Add(("3% of words changed", text, ChangeWords(text, corpus, random, 0.03)));
            positives.Add(("8% of words changed", text, ChangeWords(text, corpus, random, 0.08)));
            positives.Add(("15% of words changed", text, ChangeWords(text, corpus, random, 0.15)));
            positives.Add(("last paragraph cut + agency line", text, string.Join('\n', paragraphs[..^1].Append("Reporting by our correspondent; editing by the news desk."))));
            positives.Add(("intro paragraph added", text, "UPDATE: this story has been updated with new figures from officials on Tuesday.\n" + text));
            positives.Add(("cut to the first 70%", text, text[..(int)(text.Length * 0.7)]));
            positives.Add(("cut to the first half", text, text[..(text.Length / 2)]));
            positives.Add(("paragraphs reordered (2 swapped)", text, Swap(paragraphs, random)));
        }
        // Different articles on the same topic: each article with the one sharing most content words, and an article
        // that quotes two sentences of another (a shared statement reported by two outlets).
        var vocabularies = bodies.Select(b => ContentWords(string.Join(' ', b))).ToArray();
        for (var i = 0; i < bodies.Length; i++)
        {
            var best = -1;
            var bestOverlap = -1.0;
            for (var j = 0; j < bodies.Length; j++)
            {
                if (i == j)
                    continue;
                var overlap = (double)vocabularies[i].Intersect(vocabularies[j]).Count() / Math.Min(vocabularies[i].Count, vocabularies[j].Count);
                if (overlap > bestOverlap)
                    (best, bestOverlap) = (j, overlap);
            }
            negatives.Add(("closest other article by vocabulary", string.Join('\n', bodies[i]), string.Join('\n', bodies[best])));
            var quoted = bodies[i].Where(p => p.Length > 80).Take(2);
            negatives.Add(("other article quoting 2 paragraphs", string.Join('\n', bodies[i]), string.Join('\n', bodies[best].Concat(quoted))));
        }

        Console.WriteLine($"== near-duplicate detector: MinHash {MinHash.HashCount} hashes, {MinHash.Bands} bands x {MinHash.RowsPerBand} rows, {MinHash.ShingleSize}-word shingles, threshold 0.5");
        int truePositives = 0, falseNegatives = 0, falsePositives = 0, trueNegatives = 0;
        foreach (var group in positives.GroupBy(p => p.Kind))
        {
            var found = group.Count(p => Detected(p.A, p.B));
            truePositives += found;
            falseNegatives += group.Count() - found;
            Console.WriteLine($"   copies, {group.Key}: {found}/{group.Count()} linked");
        }
        foreach (var group in negatives.GroupBy(p => p.Kind))
        {
            var wrong = group.Count(p => Detected(p.A, p.B));
            falsePositives += wrong;
            trueNegatives += group.Count() - wrong;
            Console.WriteLine($"   different articles, {group.Key}: {wrong}/{group.Count()} wrongly linked");
        }
        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        Console.WriteLine($"   pairs: {positives.Count} copies, {negatives.Count} different; precision {precision:F3}, recall {recall:F3}");
        return 0;
    }

    /// <summary>What the store does: the pair shares a band key (so the index finds it) and the estimated similarity passes.</summary>
    private static bool Detected(string a, string b)
    {
        var sa = MinHash.Signature(a);
        var sb = MinHash.Signature(b);
        if (sa is null || sb is null)
            return false;
        var ka = new long[MinHash.Bands];
        var kb = new long[MinHash.Bands];
        MinHash.BandKeys(sa, ka);
        MinHash.BandKeys(sb, kb);
        return ka.Intersect(kb).Any() && MinHash.Similarity(sa, sb) >= 0.5;
    }

    private static string ChangeWords(string text, Corpus corpus, Random random, double share)
    {
        var tokens = text.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
            if (random.NextDouble() < share)
                tokens[i] = corpus.Words[random.Next(corpus.Words.Length)];
        return string.Join(' ', tokens);
    }

    private static string Swap(string[] paragraphs, Random random)
    {
        var copy = paragraphs.ToArray();
        if (copy.Length >= 2)
        {
            var i = random.Next(copy.Length - 1);
            (copy[i], copy[i + 1]) = (copy[i + 1], copy[i]);
        }
        return string.Join('\n', copy);
    }

    private static HashSet<string> ContentWords(string text) =>
        text.Split([' ', '\n', ',', '.', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 4).Select(w => w.ToLowerInvariant()).ToHashSet();
}
