using Gleaner.Archives;
using Gleaner.Storage;

namespace Gleaner;

public static partial class NewsHarvesting
{
    extension(News)
    {
        /// <summary>
        /// Harvests the articles of WARC files (<c>.warc</c>, <c>.warc.gz</c>) into a store, as <c>gleaner warc</c>
        /// does. With <paramref name="resume"/> (the default), files a previous harvest into the same store finished are
        /// skipped and the others go on after the last record it stored: a harvest killed at any moment and called again
        /// neither loses nor repeats an article.
        /// </summary>
        /// <param name="files">Paths of WARC files.</param>
        /// <param name="store">A SQLite file or a PostgreSQL connection (as <c>--store</c> takes it); <c>gleaner.db</c> when null.</param>
        /// <param name="options">What to keep (sites, languages, a date) and how many threads; the defaults when null.</param>
        /// <param name="resume">Go on where a previous harvest stopped (true), or read every file from the start.</param>
        /// <param name="onIssue">Receives each problem met (damage stepped over, a file that would not open); ignored when null.</param>
        /// <param name="cancellationToken">Stops the harvest; what was stored stays, with its checkpoints.</param>
        /// <returns>Records stored (new and updated) and files read, skipped and failed.</returns>
        /// <example><code>var summary = await News.HarvestWarcAsync(Directory.GetFiles("archives", "*.warc.gz"), "news.db",
        ///     new WarcHarvestOptions { Languages = ["de"] });
        /// Console.WriteLine($"{summary.Inserted} new articles");</code></example>
        public static async Task<WarcStoreSummary> HarvestWarcAsync(IEnumerable<string> files, string? store = null, WarcHarvestOptions? options = null,
            bool resume = true, Action<WarcHarvestIssue>? onIssue = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(files);
            await using var opened = await ArticleStores.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
            var harvester = new WarcStoreHarvester(opened, options) { OnIssue = onIssue };
            return await harvester.HarvestAsync(files.ToList(), resume, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Harvests Common Crawl's news archive (CC-NEWS) for a date range into a store, as <c>gleaner ccnews</c> does:
        /// the files are picked from the monthly listings by the timestamp in their names and streamed (never written to
        /// disk). Resumable per file, and shared: any number of calls, in any number of processes, against one PostgreSQL
        /// store divide the files between them through leases (see <see cref="CcNewsHarvester"/>).
        /// </summary>
        /// <param name="from">The first day (UTC) whose files are read.</param>
        /// <param name="to">The last day (UTC) whose files are read, included.</param>
        /// <param name="store">A SQLite file or a PostgreSQL connection (as <c>--store</c> takes it); <c>gleaner.db</c> when null.</param>
        /// <param name="options">What to keep from the files (sites, languages); the defaults when null.</param>
        /// <param name="onIssue">Receives each problem met in a file; ignored when null.</param>
        /// <param name="cancellationToken">Stops the harvest; what was stored stays, with its checkpoints.</param>
        /// <example><code>var summary = await News.HarvestCcNewsAsync(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), "news.db",
        ///     new WarcHarvestOptions { Sites = ["bbc.co.uk"], Languages = ["en"] });</code></example>
        public static async Task<CcNewsSummary> HarvestCcNewsAsync(DateOnly from, DateOnly to, string? store = null, WarcHarvestOptions? options = null,
            Action<WarcHarvestIssue>? onIssue = null, CancellationToken cancellationToken = default)
        {
            await using var opened = await ArticleStores.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
            var harvester = new CcNewsHarvester(opened, new CcNewsOptions
            {
                From = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Until = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Harvest = options ?? new WarcHarvestOptions(),
            }, News.SharedFetcher.Value) { OnIssue = onIssue };
            return await harvester.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
