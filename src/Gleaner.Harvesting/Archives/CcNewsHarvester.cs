using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Formats;

namespace Gleaner.Archives;

/// <summary>Settings for <see cref="CcNewsHarvester"/>.</summary>
public sealed record CcNewsOptions
{
    /// <summary>Common Crawl's public address; the listings are under <c>crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz</c>.</summary>
    public static readonly Uri CommonCrawl = new("https://data.commoncrawl.org/");

    /// <summary>Where the listings and the files are (a mirror, or a local server in tests).</summary>
    public Uri BaseUrl { get; init; } = CommonCrawl;

    /// <summary>Files whose name's timestamp is at or after this instant are taken.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Files whose name's timestamp is before this instant are taken.</summary>
    public required DateTimeOffset Until { get; init; }

    /// <summary>What to keep from the files (sites, languages, ...). Its <see cref="WarcHarvestOptions.Workers"/> threads are shared by the jobs.</summary>
    public WarcHarvestOptions Harvest { get; init; } = new();

    /// <summary>Files harvested at the same time by this process.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>
    /// How long a worker's claim on a file lasts unless renewed (it is renewed every third of it while the file is
    /// read): a worker that dies leaves its file to the others once this has passed.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// This worker's name in the leases: <c>machine/process id/random</c> by default, which lets a later run on the
    /// same machine see that the process is gone and take its files at once, without waiting for the lease.
    /// </summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// A folder to keep each file in as it is streamed (written as <c>NAME.part</c>, renamed <c>NAME</c> once the file is
    /// done); a file already kept there is read from it instead of over HTTP. Null: nothing is written to disk.
    /// </summary>
    public string? KeepFolder { get; init; }

    /// <summary>Reconnections in a row (without a byte read in between) before a file is given up for this run.</summary>
    public int MaxReconnects { get; init; } = 5;

    /// <summary>A read that brings nothing for this long counts as a broken connection.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A listing larger than this (decompressed) is refused; a month's listing is a few hundred kilobytes.</summary>
    public int MaxListingBytes { get; init; } = 16 * 1024 * 1024;
}

/// <summary>Counts of a CC-NEWS harvest, safe to read from another thread.</summary>
public sealed class CcNewsProgress
{
    private int _filesTotal, _filesDone, _filesElsewhere, _filesFailed, _reconnects;

    /// <summary>Records, articles and bytes read.</summary>
    public WarcHarvestProgress Harvest { get; } = new();

    /// <summary>Files in the date range.</summary>
    public int FilesTotal { get => Volatile.Read(ref _filesTotal); internal set => Volatile.Write(ref _filesTotal, value); }

    /// <summary>Files this process finished.</summary>
    public int FilesDone => Volatile.Read(ref _filesDone);

    /// <summary>Files finished before this run or by other workers.</summary>
    public int FilesDoneElsewhere => Volatile.Read(ref _filesElsewhere);

    /// <summary>Files given up in this run (unreachable, broken too often); a later run takes them again.</summary>
    public int FilesFailed => Volatile.Read(ref _filesFailed);

    /// <summary>Connections reopened after a break.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    internal void AddDone() => Interlocked.Increment(ref _filesDone);
    internal void AddDoneElsewhere() => Interlocked.Increment(ref _filesElsewhere);
    internal void AddFailed() => Interlocked.Increment(ref _filesFailed);
    internal void AddReconnect() => Interlocked.Increment(ref _reconnects);
}

/// <summary>What a CC-NEWS harvest stored.</summary>
public sealed record CcNewsSummary(long Inserted, long Updated, int FilesDone, int FilesDoneElsewhere, int FilesFailed, int FilesTotal);

/// <summary>
/// Harvests Common Crawl's news archive (CC-NEWS) for a date range into a store: reads the monthly
/// <c>warc.paths.gz</c> listings, picks the files by the timestamp in their names, and streams each file over HTTP
/// into <see cref="WarcStoreHarvester"/> (nothing is written to disk). Each file is claimed with a lease in the
/// store (<see cref="WarcProgressStore"/>), so several processes, on several machines, against one PostgreSQL
/// store share the files; a dead worker's file is taken over once its lease ends, and resumed from its last
/// checkpoint. A connection cut mid-file is reopened at the byte reached (HTTP Range).
/// </summary>
public sealed partial class CcNewsHarvester
{
    private readonly IArticleStore _store;
    private readonly CcNewsOptions _options;
    private readonly Fetcher _fetcher;
    private readonly ArticleExtractor _extractor = new();
    // A store is one connection's worth of writes at a time (SQLite's is a single connection): the jobs take turns.
    private readonly SemaphoreSlim _storeWrites = new(1, 1);
    private long _inserted, _updated;

    /// <param name="store">Where the records, the checkpoints and the leases go.</param>
    /// <param name="options">The date range and settings.</param>
    /// <param name="fetcher">The HTTP client (its User-Agent and connection timeouts are used).</param>
    public CcNewsHarvester(IArticleStore store, CcNewsOptions options, Fetcher fetcher)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fetcher);
        if (options.Until <= options.From)
            throw new ArgumentException($"the range ends ({options.Until:O}) before it starts ({options.From:O})", nameof(options));
        _store = store;
        _options = options;
        _fetcher = fetcher;
    }

    /// <summary>Counts so far, for a progress display.</summary>
    public CcNewsProgress Progress { get; } = new();

    /// <summary>Receives each problem met in a file, on a harvesting thread.</summary>
    public Action<WarcHarvestIssue>? OnIssue { get; init; }

    /// <summary>Receives what happens to the files (resumed, reconnected, done, taken over), on a harvesting thread.</summary>
    public Action<string>? OnMessage { get; init; }

    [GeneratedRegex(@"-(\d{14})-\d+\.warc(\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FileTimestamp();

    /// <summary>The listing of one month.</summary>
    public Uri ListingUrl(int year, int month) =>
        new(_options.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"crawl-data/CC-NEWS/{year:D4}/{month:D2}/warc.paths.gz"));

    /// <summary>The files of the range, oldest first, read from the months' listings.</summary>
    /// <exception cref="HttpRequestException">A listing could not be fetched.</exception>
    /// <exception cref="InvalidDataException">A listing is not a gzip text file of paths.</exception>
    public async Task<IReadOnlyList<Uri>> ListFilesAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<(DateTimeOffset Time, Uri Url)>();
        var from = _options.From.ToUniversalTime();
        var until = _options.Until.ToUniversalTime();
        for (var month = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < until; month = month.AddMonths(1))
        {
            var listing = ListingUrl(month.Year, month.Month);
            foreach (var line in await ReadListingAsync(listing, cancellationToken).ConfigureAwait(false))
            {
                if (FileTimestamp().Match(line) is not { Success: true } match)
                    continue; // not a WARC file of the archive
                var time = DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (time >= from && time < until)
                    files.Add((time, new Uri(_options.BaseUrl, line)));
            }
        }
        files.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Url.AbsoluteUri, b.Url.AbsoluteUri));
        return files.ConvertAll(file => file.Url);
    }

    private async Task<List<string>> ReadListingAsync(Uri listing, CancellationToken cancellationToken)
    {
        byte[] raw;
        await using (var body = await _fetcher.OpenReadAsync(listing, 0, cancellationToken).ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxListingBytes)
                    throw new InvalidDataException($"{listing}: larger than {_options.MaxListingBytes} bytes");
                buffer.Write(chunk, 0, read);
            }
            raw = buffer.ToArray();
        }
        var text = ContentDecoding.IsGzip(raw)
            ? ContentDecoding.DecodeWhole(raw, "gzip", _options.MaxListingBytes) ?? throw new InvalidDataException($"{listing}: larger than {_options.MaxListingBytes} bytes once decompressed")
            : raw;
        var lines = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(text).Split('\n'))
        {
            var path = line.Trim();
            if (path.Length > 0 && !path.StartsWith('#'))
                lines.Add(path);
        }
        return lines;
    }

    /// <summary>
    /// Lists the files of the range and harvests those no worker has finished, <see cref="CcNewsOptions.Jobs"/> at
    /// a time, until each is done (here or by another worker) or has failed in this run. Storage errors are thrown;
    /// what was stored stays, with its checkpoints.
    /// </summary>
    public async Task<CcNewsSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var files = await ListFilesAsync(cancellationToken).ConfigureAwait(false);
        Progress.FilesTotal = files.Count;
        var progressStore = await WarcProgressStore.OpenAsync(_store, cancellationToken).ConfigureAwait(false);
        var released = await progressStore.ReleaseLeasesOfAsync(IsDeadProcessOfThisMachine, cancellationToken).ConfigureAwait(false);
        if (released > 0)
            OnMessage?.Invoke($"{released:N0} file(s) left by a stopped run on this machine are taken up again");
        var settled = new HashSet<Uri>(); // done (anywhere), failed here, or being harvested here
        var jobs = Math.Max(1, _options.Jobs);
        var workers = new Task[jobs];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var job = 0; job < jobs; job++)
        {
            var worker = jobs == 1 ? _options.WorkerId : $"{_options.WorkerId}/{job}";
            workers[job] = Task.Run(async () =>
            {
                try
                {
                    await WorkAsync(files, settled, progressStore, worker, stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false); // one job's failure (the store) stops the others
                    throw;
                }
            }, CancellationToken.None);
        }
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A job failed and the others were stopped for it: its error is the one to report.
            foreach (var job in workers)
                if (job.Exception?.InnerException is { } error and not OperationCanceledException)
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            throw;
        }
        return new CcNewsSummary(Interlocked.Read(ref _inserted), Interlocked.Read(ref _updated), Progress.FilesDone, Progress.FilesDoneElsewhere,
            Progress.FilesFailed, files.Count);
    }

    /// <summary>One job: claims the next file nobody holds, harvests it, and waits for files others hold until they are done or their lease ends.</summary>
    private async Task WorkAsync(IReadOnlyList<Uri> files, HashSet<Uri> settled, WarcProgressStore progressStore, string worker, CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromTicks(Math.Clamp(_options.Lease.Ticks / 4, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 5));
        while (true)
        {
            var remaining = false;
            var harvested = false;
            foreach (var file in files)
            {
                lock (settled)
                    if (settled.Contains(file))
                        continue;
                remaining = true;
                var key = file.AbsoluteUri;
                if (await progressStore.GetAsync(key, cancellationToken).ConfigureAwait(false) is { Done: true })
                {
                    Settle(settled, file, Progress.AddDoneElsewhere);
                    continue;
                }
                if (!await progressStore.TryClaimAsync(key, worker, _options.Lease, cancellationToken).ConfigureAwait(false))
                    continue; // another worker has it; it is looked at again on the next pass
                var remembered = await progressStore.GetAsync(key, cancellationToken).ConfigureAwait(false);
                if (remembered is { Done: true }) // finished between the look and the claim
                {
                    await progressStore.ReleaseAsync(key, worker, cancellationToken).ConfigureAwait(false);
                    Settle(settled, file, Progress.AddDoneElsewhere);
                    continue;
                }
                // Settled from here on: a sibling job that reads this file as done once it is must not count it as done elsewhere.
                lock (settled)
                    settled.Add(file);
                bool done;
                try
                {
                    done = await HarvestFileAsync(file, remembered?.ResumeAfter, progressStore, worker, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await progressStore.ReleaseAsync(key, worker, CancellationToken.None).ConfigureAwait(false);
                }
                if (done)
                    Progress.AddDone();
                else
                    Progress.AddFailed();
                if (done)
                    OnMessage?.Invoke($"{Name(file)}: done ({Progress.FilesDone + Progress.FilesDoneElsewhere:N0}/{files.Count:N0} files)");
                harvested = true;
                break;
            }
            if (!remaining)
                return;
            if (!harvested)
                await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True for a default <see cref="CcNewsOptions.WorkerId"/> of this machine whose process has ended (killed, crashed).</summary>
    private static bool IsDeadProcessOfThisMachine(string worker)
    {
        var parts = worker.Split('/');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        if (id == Environment.ProcessId)
            return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static void Settle(HashSet<Uri> settled, Uri file, Action count)
    {
        lock (settled)
            if (settled.Add(file))
                count();
    }

    private static string Name(Uri file) => Uri.UnescapeDataString(file.Segments[^1]);

    /// <summary>Harvests one claimed file, renewing the lease while it runs. True when the file is done.</summary>
    private async Task<bool> HarvestFileAsync(Uri file, WarcPosition? resumeAfter, WarcProgressStore progressStore, string worker, CancellationToken cancellationToken)
    {
        var key = file.AbsoluteUri;
        if (resumeAfter is { } position)
            OnMessage?.Invoke($"{Name(file)}: resuming after byte {position.Offset:N0}");
        using var fileCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewWhileRunningAsync(key, worker, progressStore, fileCancellation);
        var kept = _options.KeepFolder is { } folder ? Path.Combine(folder, Name(file)) : null;
        var source = new WarcSource(key, resumeAfter)
        {
            Open = (offset, token) =>
            {
                if (kept is not null && File.Exists(kept))
                {
                    var local = new FileStream(kept, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                    local.Seek(offset, SeekOrigin.Begin);
                    return Task.FromResult<Stream>(local);
                }
                // Opened on the first read, so that a connection that breaks before the answer is reopened like any other.
                Stream remote = new ReconnectingStream(null, (at, again) => _fetcher.OpenReadAsync(file, at, again), offset, _options.MaxReconnects, _options.ReadTimeout,
                    (at, error) =>
                    {
                        Progress.AddReconnect();
                        OnMessage?.Invoke($"{Name(file)}: connection broke at byte {at:N0} ({error.Message}); reading on from there");
                    }, token);
                return Task.FromResult(kept is null ? remote : KeepingCopy(remote, kept + ".part", offset, file));
            },
        };
        var jobs = Math.Max(1, _options.Jobs);
        var harvester = new WarcStoreHarvester(_store, _options.Harvest with
        {
            Workers = Math.Max(1, _options.Harvest.Workers / jobs),
            ConcurrentFiles = 1,
        }, _extractor, Progress.Harvest) { OnIssue = OnIssue, StoreWrites = _storeWrites };
        try
        {
            var summary = await harvester.HarvestAsync([source], progressStore, fileCancellation.Token).ConfigureAwait(false);
            Interlocked.Add(ref _inserted, summary.Inserted);
            Interlocked.Add(ref _updated, summary.Updated);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the lease was lost: another worker has the file now
        }
        finally
        {
            await fileCancellation.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
        var done = (await progressStore.GetAsync(key, cancellationToken).ConfigureAwait(false)) is { Done: true };
        if (done && kept is not null && File.Exists(kept + ".part"))
            File.Move(kept + ".part", kept, overwrite: true);
        return done;
    }

    /// <summary>
    /// <paramref name="remote"/>, its bytes also written to <paramref name="part"/> from <paramref name="offset"/> on.
    /// A copy can only be continued where it ends; when it ends before <paramref name="offset"/> (a resume after a run
    /// without <c>--keep</c>), this file is not kept.
    /// </summary>
    private Stream KeepingCopy(Stream remote, string part, long offset, Uri file)
    {
        var length = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (length < offset)
        {
            OnMessage?.Invoke($"{Name(file)}: not kept (the copy in the folder ends before byte {offset:N0}, where reading resumes)");
            return remote;
        }
        var copy = new FileStream(part, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        copy.SetLength(offset);
        copy.Seek(offset, SeekOrigin.Begin);
        return new CopyingStream(remote, copy);
    }

    /// <summary>Reads through and writes what was read to a copy.</summary>
    private sealed class CopyingStream(Stream source, Stream copy) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = source.Read(buffer, offset, count);
            copy.Write(buffer, offset, read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(buffer[..read], cancellationToken).ConfigureAwait(false);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
                copy.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>Renews the lease every third of its length until the file is finished; cancels the file if the lease was lost.</summary>
    private async Task RenewWhileRunningAsync(string key, string worker, WarcProgressStore progressStore, CancellationTokenSource file)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.Lease / 3, file.Token).ConfigureAwait(false);
                if (!await progressStore.RenewAsync(key, worker, _options.Lease, file.Token).ConfigureAwait(false))
                {
                    OnMessage?.Invoke($"{Uri.UnescapeDataString(new Uri(key).Segments[^1])}: lease lost to another worker; leaving the file to it");
                    await file.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the file is finished
        }
    }
}
