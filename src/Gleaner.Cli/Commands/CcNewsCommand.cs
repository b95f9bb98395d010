using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Gleaner.Archives;
using Gleaner.Fetching;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner ccnews</c>: Common Crawl's news archive for a date range, streamed into the store.</summary>
internal static class CcNewsCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First day whose files are read (UTC, ISO 8601: 2024-05-01, or an instant)", Required = true };
        var to = new Option<string>("--to") { Description = "Last day whose files are read, included (or an instant, excluded)", Required = true };
        var baseUrl = new Option<string>("--base")
        {
            Description = "Where the listings (crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz) and files are",
            DefaultValueFactory = _ => CcNewsOptions.CommonCrawl.AbsoluteUri,
        };
        var jobs = OptionValues.WholeNumber("--jobs", "Files harvested at the same time", 1, 64, 1);
        var lease = OptionValues.Duration("--lease", "How long a claim on a file lasts unless renewed: a dead worker's file is taken over after it",
            TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "2m");
        var storeOptions = new StoreCommandOptions();
        var harvestOptions = new WarcInputs.HarvestOptions();
        var command = new Command("ccnews", "Harvest Common Crawl's news archive (CC-NEWS) for a date range into the store; " +
            "several processes against one PostgreSQL store share the files") { from, to, baseUrl, jobs, lease };
        storeOptions.AddStoreTo(command);
        harvestOptions.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            if (harvestOptions.Read(parse) is not { } harvest)
                return ExitCodes.BadUsage;
            if (ReadInstant(parse.GetValue(from)!, "--from", endOfDay: false) is not { } start
                || ReadInstant(parse.GetValue(to)!, "--to", endOfDay: true) is not { } until)
                return ExitCodes.BadUsage;
            if (until <= start)
            {
                Console.Error.WriteLine("gleaner: --to is before --from");
                return ExitCodes.BadUsage;
            }
            var baseText = parse.GetValue(baseUrl)!;
            if (!Uri.TryCreate(baseText.EndsWith('/') ? baseText : baseText + "/", UriKind.Absolute, out var baseUri)
                || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
            {
                Console.Error.WriteLine($"gleaner: --base '{baseText}' is not an http(s) URL");
                return ExitCodes.BadUsage;
            }
            await using var store = await storeOptions.OpenAsync(parse, create: true, cancellation);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            var options = new CcNewsOptions
            {
                BaseUrl = baseUri,
                From = start,
                Until = until,
                Harvest = harvest,
                Jobs = parse.GetValue(jobs),
                Lease = parse.GetValue(lease).Value,
            };
            return await RunAsync(store, options, cancellation);
        });
        return command;
    }

    /// <summary>A date (the start of that UTC day, or of the next one for <paramref name="endOfDay"/>) or an instant; null after saying why.</summary>
    private static DateTimeOffset? ReadInstant(string text, string option, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant;
        Console.Error.WriteLine($"gleaner: {option} '{text}' is not a date (use ISO 8601, e.g. 2024-05-01)");
        return null;
    }

    private static async Task<int> RunAsync(IArticleStore store, CcNewsOptions options, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var fetcher = new Fetcher();
        HarvestProgressLine? progress = null;
        var harvester = new CcNewsHarvester(store, options, fetcher)
        {
            OnIssue = issue => WarcInputs.Report(issue, progress),
            OnMessage = message =>
            {
                progress?.Clear();
                Console.Error.WriteLine($"gleaner: {message}");
            },
        };
        var counts = harvester.Progress;
        using var line = progress = HarvestProgressLine.StartIfTerminal(counts.Harvest,
            () => $"files {counts.FilesDone + counts.FilesDoneElsewhere:N0}/{counts.FilesTotal:N0}, ");
        CcNewsSummary summary;
        try
        {
            summary = await harvester.RunAsync(cancellation);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: cannot read the CC-NEWS listing: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        catch (Exception e) when (e is DbException or StoreException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: storing in {store.Location} failed, stopping (run again to go on): {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        progress?.Finish();
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.Error.WriteLine($"gleaner: {summary.Inserted + summary.Updated:N0} article(s) stored in {store.Location} ({summary.Inserted:N0} new, {summary.Updated:N0} updated); " +
            $"files: {summary.FilesTotal:N0} in the range, {summary.FilesDone:N0} done here, {summary.FilesDoneElsewhere:N0} done before or by other workers" +
            (summary.FilesFailed > 0 ? $", {summary.FilesFailed:N0} failed (run again to retry them)" : "") +
            $"; {counts.Harvest.Records:N0} records, {counts.Harvest.BytesRead / 1e6:F1} MB in {seconds:F1} s ({counts.Harvest.BytesRead / 1e6 / seconds:F1} MB/s)" +
            (counts.Reconnects > 0 ? $"; {counts.Reconnects:N0} reconnection(s)" : ""));
        return summary.FilesFailed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
