using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gleaner.Extraction;
using Gleaner.Formats;

namespace Gleaner.Archives;

/// <summary>
/// Turns WARC files into article records: one reader thread per file feeds the HTML responses through a
/// bounded queue to extraction workers on all cores; the articles (in no particular order), the problems met
/// and resume checkpoints come out of <see cref="RunAsync"/>. Memory stays bounded by the queues, whatever
/// the size of the files.
/// </summary>
public sealed class WarcHarvester
{
    private readonly ArticleExtractor _extractor;
    private readonly WarcHarvestOptions _options;
    private readonly CompletionTracker _tracker = new();

    /// <param name="extractor">Turns the pages into records.</param>
    /// <param name="options">What to keep; defaults otherwise.</param>
    /// <param name="progress">Counts to add to, when several harvesters make one job; a new one otherwise.</param>
    public WarcHarvester(ArticleExtractor extractor, WarcHarvestOptions? options = null, WarcHarvestProgress? progress = null)
    {
        _extractor = extractor;
        _options = options ?? new WarcHarvestOptions();
        Progress = progress ?? new WarcHarvestProgress();
    }

    /// <summary>Counts so far, for a progress display.</summary>
    public WarcHarvestProgress Progress { get; }

    /// <summary>A record to extract; for a resolved revisit, the original's record with the revisit's address and date.</summary>
    private sealed record Work(string File, long Sequence, WarcRecord Record, WarcPosition Position, string? Uri, DateTimeOffset? Date);

    /// <summary>Responses of the file being read, by record ID and payload digest, for revisits that point back to them.</summary>
    private sealed class Originals
    {
        // Bounded: a file of millions of records keeps only the most recent ones' positions.
        private const int MaxRemembered = 200_000;
        private readonly Dictionary<string, WarcPosition> _positions = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();

        public void Remember(WarcRecord response, WarcPosition position)
        {
            Add(response.RecordId, position);
            Add(response.Headers["WARC-Payload-Digest"], position);
        }

        private void Add(string? key, WarcPosition position)
        {
            if (key is null || !_positions.TryAdd(key, position))
                return;
            _order.Enqueue(key);
            if (_order.Count > MaxRemembered)
                _positions.Remove(_order.Dequeue());
        }

        /// <summary>Where the original of <paramref name="revisit"/> is: by <c>WARC-Refers-To</c>, else by its payload digest.</summary>
        public WarcPosition? Find(WarcRecord revisit) =>
            revisit.Headers["WARC-Refers-To"] is { } id && _positions.TryGetValue(id, out var byId) ? byId
            : revisit.Headers["WARC-Payload-Digest"] is { } digest && _positions.TryGetValue(digest, out var byDigest) ? byDigest
            : null;
    }

    /// <summary>
    /// Reads <paramref name="files"/> and yields what it finds. An article counts as handled when the consumer
    /// asks for the next event, so a <see cref="WarcCheckpoint"/> never covers an article the consumer has not finished with.
    /// </summary>
    public async IAsyncEnumerable<WarcHarvestEvent> RunAsync(IReadOnlyList<WarcSource> files, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var workers = Math.Max(1, _options.Workers);
        var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(workers * 4) { SingleReader = false, SingleWriter = false });
        var output = Channel.CreateBounded<WarcHarvestEvent>(new BoundedChannelOptions(workers * 16) { SingleReader = true });
        foreach (var file in files)
            _tracker.Start(file.Path, file.ResumeAfter);

        var gate = new SemaphoreSlim(Math.Max(1, _options.ConcurrentFiles));
        var readers = files.Select(file => Task.Run(async () =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await ReadFileAsync(file, work.Writer, output.Writer, cancellation).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }, cancellation)).ToArray();
        var extraction = Enumerable.Range(0, workers).Select(_ => Task.Run(() => ExtractAsync(work.Reader, output.Writer, cancellation), cancellation)).ToArray();
        var pipeline = Task.Run(async () =>
        {
            try
            {
                try
                {
                    await Task.WhenAll(readers).ConfigureAwait(false);
                }
                finally
                {
                    work.Writer.TryComplete();
                }
                await Task.WhenAll(extraction).ConfigureAwait(false);
                output.Writer.TryComplete();
            }
            catch (Exception e)
            {
                work.Writer.TryComplete(e);
                output.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        await foreach (var harvested in output.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            yield return harvested;
            if (harvested is WarcArticle article)
                _tracker.Finish(article.File, article.Sequence, article.Position);
            if (_tracker.Due(_options.CheckpointInterval) is { } due)
                foreach (var checkpoint in due)
                    yield return checkpoint;
        }
        await pipeline.ConfigureAwait(false);
        if (_tracker.Due(_options.CheckpointInterval, all: true) is { } last)
            foreach (var checkpoint in last)
                yield return checkpoint;
    }

    private async Task ReadFileAsync(WarcSource source, ChannelWriter<Work> work, ChannelWriter<WarcHarvestEvent> output, CancellationToken cancellation)
    {
        var issues = new List<WarcIssue>();
        var readerOptions = _options.Reader with
        {
            OnIssue = issues.Add,
            StartOffset = source.ResumeAfter?.Offset ?? 0,
            StartOffsetInMember = source.ResumeAfter?.OffsetInMember ?? 0,
        };
        WarcReader reader;
        try
        {
            if (source.Path == WarcSource.StandardInput)
                reader = new WarcReader(Console.OpenStandardInput(), readerOptions with { StartOffset = 0, StartOffsetInMember = 0 });
            else if (source.Open is { } open)
                reader = new WarcReader(await open(readerOptions.StartOffset, cancellation).ConfigureAwait(false), readerOptions);
            else
                reader = WarcReader.Open(source.Path, readerOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            Progress.AddIssue();
            await output.WriteAsync(new WarcHarvestIssue(source.Path, new WarcIssue(0, e.Message), FileFailed: true), cancellation).ConfigureAwait(false);
            _tracker.EndOfFile(source.Path, 0, complete: false);
            return;
        }

        Progress.Opened(reader);
        long sequence = 0;
        var complete = true;
        // Revisits are resolved within a local file, by reading the original record again where it lies.
        var originals = source.Path != WarcSource.StandardInput && source.Open is null ? new Originals() : null;
        try
        {
            while (true)
            {
                WarcRecord? record;
                try
                {
                    record = reader.Read();
                }
                catch (IOException e)
                {
                    // The input broke (a disk error, a connection that could not be resumed): the rest is unread,
                    // so the file is not done and a later run resumes after the last record handled.
                    issues.Add(new WarcIssue(reader.BytesRead, $"read error: {e.Message}"));
                    complete = false;
                    record = null;
                }
                foreach (var issue in issues)
                {
                    Progress.AddIssue();
                    await output.WriteAsync(new WarcHarvestIssue(source.Path, issue), cancellation).ConfigureAwait(false);
                }
                issues.Clear();
                if (record is null)
                    break;

                Progress.AddRecord();
                var position = new WarcPosition(record.Offset, record.OffsetInMember);
                if (source.ResumeAfter is { } resumeAfter && position <= resumeAfter)
                {
                    record.Dispose(); // handled by the run that stopped
                    continue;
                }
                var number = sequence++;
                if (record.Type == WarcRecordType.Response)
                    originals?.Remember(record, position);
                if (record.Type == WarcRecordType.Revisit && originals?.Find(record) is { } original && IsCandidate(record, revisit: true)
                    && ReadOriginal(source.Path, original) is { } resolved)
                {
                    var (uri, date) = (record.TargetUri, record.Date);
                    record.Dispose();
                    await work.WriteAsync(new Work(source.Path, number, resolved, position, uri, date), cancellation).ConfigureAwait(false);
                    continue;
                }
                if (!IsCandidate(record))
                {
                    record.Dispose();
                    _tracker.Finish(source.Path, number, position);
                    continue;
                }
                await work.WriteAsync(new Work(source.Path, number, record, position, record.TargetUri, record.Date), cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _tracker.EndOfFile(source.Path, sequence, complete);
            Progress.Closed(reader);
            reader.Dispose();
        }
    }

    /// <summary>The original response a revisit points to, read again from the file; null when it cannot be read.</summary>
    private WarcRecord? ReadOriginal(string path, WarcPosition position)
    {
        try
        {
            using var reader = WarcReader.Open(path, _options.Reader with { StartOffset = position.Offset, StartOffsetInMember = position.OffsetInMember, OnIssue = null });
            var record = reader.Read();
            if (record is { Type: WarcRecordType.Response })
                return record;
            record?.Dispose();
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What can be decided from the WARC header alone: a page record (or a resolved revisit), of a wanted site, not captured before <see cref="WarcHarvestOptions.Since"/>.</summary>
    private bool IsCandidate(WarcRecord record, bool revisit = false)
    {
        if (!revisit && record.Type is not (WarcRecordType.Response or WarcRecordType.Resource))
            return false;
        // A page cannot have been published after it was captured.
        if (_options.Since is { } since && record.Date is { } captured && captured < since)
            return false;
        return _options.Sites.Count == 0 || IsWantedSite(record.TargetUri);
    }

    private bool IsWantedSite(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            return false;
        var host = parsed.Host;
        foreach (var site in _options.Sites)
        {
            if (host.Equals(site, StringComparison.OrdinalIgnoreCase))
                return true;
            if (host.Length > site.Length && host[^(site.Length + 1)] == '.' && host.EndsWith(site, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private async Task ExtractAsync(ChannelReader<Work> work, ChannelWriter<WarcHarvestEvent> output, CancellationToken cancellation)
    {
        await foreach (var item in work.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            var position = item.Position;
            WarcHarvestEvent? harvested;
            try
            {
                harvested = Extract(item.File, item.Record, position, item.Uri, item.Date);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                harvested = new WarcHarvestIssue(item.File, new WarcIssue(position.Offset, $"{item.Uri}: extraction failed: {e.Message}"));
            }
            finally
            {
                item.Record.Dispose();
            }
            if (harvested is WarcArticle article)
            {
                Progress.AddArticle();
                await output.WriteAsync(article with { Sequence = item.Sequence }, cancellation).ConfigureAwait(false);
                continue; // finished when the consumer has taken it
            }
            if (harvested is not null)
            {
                Progress.AddIssue();
                await output.WriteAsync(harvested, cancellation).ConfigureAwait(false);
            }
            _tracker.Finish(item.File, item.Sequence, position);
        }
    }

    /// <summary>The article of one record, an issue, or null when the record is no wanted article. <paramref name="url"/> and
    /// <paramref name="captured"/> are the record's, or a revisit's whose original <paramref name="record"/> is.</summary>
    private WarcHarvestEvent? Extract(string file, WarcRecord record, WarcPosition position, string? url, DateTimeOffset? captured)
    {
        PooledBuffer? decoded = null;
        try
        {
            string? contentType;
            ReadOnlySpan<byte> body;
            if (record.Type == WarcRecordType.Resource)
            {
                contentType = record.ContentType;
                body = record.Block.Span;
            }
            else
            {
                var http = record.ReadHttpResponse();
                if (http is null || http.StatusCode != 200)
                    return null;
                contentType = http.ContentType;
                if (!HtmlSniffer.IsHtml(contentType, http.RawBody.Span) && http.Headers["Content-Encoding"] is null)
                    return null;
                try
                {
                    decoded = http.DecodeBody(_options.MaxBodyBytes);
                }
                catch (InvalidDataException e)
                {
                    return new WarcHarvestIssue(file, new WarcIssue(position.Offset, $"{url}: {e.Message}"));
                }
                body = decoded.Span;
            }
            if (!HtmlSniffer.IsHtml(contentType, body))
                return null;
            Progress.AddPage();

            Article article;
            // One parse serves the classifier and the extractor.
            using (var page = _extractor.ParsePooled(body, contentType))
            {
                var document = page.Document;
                Uri? uri = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
                if (!_options.KeepListings && ArticleClassifier.Classify(document, uri) != PageKind.Article)
                    return null;
                article = _extractor.Extract(document, url);
            }
            if (captured is { } date)
                article.Fetched = IsoDates.FormatSeconds(date.ToUniversalTime());
            if (!IsWanted(article, captured))
                return null;
            return new WarcArticle(file, position, record.RecordId, article);
        }
        finally
        {
            decoded?.Dispose();
        }
    }

    private bool IsWanted(Article article, DateTimeOffset? captured)
    {
        if (_options.Languages.Count > 0
            && (article.Language is null || !_options.Languages.Contains(article.Language, StringComparer.OrdinalIgnoreCase)))
            return false;
        if (_options.Since is { } since)
        {
            var published = article.Published is not null && DateTimeOffset.TryParse(article.Published, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date) ? date : captured;
            if (published is null || published < since)
                return false;
        }
        return true;
    }
}
