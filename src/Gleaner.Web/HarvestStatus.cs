using System.Data.Common;
using System.Globalization;
using Gleaner.Archives;
using Gleaner.Crawling;
using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>
/// Reads what crawls (<c>gleaner crawl</c>: the frontier) and WARC harvests (<c>gleaner warc</c>: files done) have
/// written to the store's database. Read only: a part that never ran here has no tables, and none are created.
/// </summary>
internal static class HarvestStatus
{
    public static async Task<HarvestStatusResponse> ReadAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        var components = await ComponentsAsync(store, cancellationToken);
        CrawlStatus? crawl = null;
        if (components.Contains(StoreFrontier.Component))
        {
            await using var frontier = SqlFrontier.Of(store);
            var counts = await frontier.CountAsync(cancellationToken);
            var busy = await frontier.BusyHostsAsync(cancellationToken);
            var next = await frontier.NextReadyAtAsync(cancellationToken);
            var issues = new List<CrawlIssue>();
            foreach (var (state, reason, count, example) in await frontier.ReportAsync(cancellationToken))
            {
                if (issues.Count == 20)
                    break;
                issues.Add(new CrawlIssue(state.ToString().ToLowerInvariant(), reason, count, example));
            }
            crawl = new CrawlStatus(counts.Queued, counts.Fetching, counts.Done, counts.Failed, counts.Skipped, busy,
                next is { } at ? StoredArticleLines.FormatTime(at) : null, issues);
        }
        List<WarcFileStatus>? warc = null;
        if (components.Contains(WarcProgressStore.Component))
        {
            warc = [];
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT path, done, resume_offset, updated FROM warc_files ORDER BY updated DESC LIMIT 100";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                warc.Add(new WarcFileStatus(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) != 0,
                    reader.IsDBNull(2) ? null : Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3)));
        }
        return new HarvestStatusResponse(crawl, warc);
    }

    /// <summary>The components whose tables the store's database holds (from its schema versions).</summary>
    private static async Task<HashSet<string>> ComponentsAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        var components = new HashSet<string>(StringComparer.Ordinal);
        await using DbConnection connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT component FROM gleaner_schema";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            components.Add(reader.GetString(0));
        return components;
    }
}
