using Gleaner.Extraction;
using Gleaner.Storage;

namespace Gleaner.Archives;

/// <summary>What a harvest into a store did.</summary>
/// <param name="Inserted">Records new to the store.</param>
/// <param name="Updated">Records that replaced a stored one with the same key.</param>
/// <param name="FilesRead">Files read in this run (in full or from where a previous run stopped).</param>
/// <param name="FilesAlreadyDone">Files skipped because a previous run finished them.</param>
/// <param name="FailedFiles">Files with a problem (damage stepped over, or unreadable); see the issues reported.</param>
public sealed record WarcStoreSummary(long Inserted, long Updated, int FilesRead, int FilesAlreadyDone, IReadOnlyCollection<string> FailedFiles);

/// <summary>What a re-extraction did to the stored records.</summary>
/// <param name="Changed">Records the current extractor makes differently: updated in the store.</param>
/// <param name="Unchanged">Records it makes the same.</param>
/// <param name="NotStored">Articles of the archives that are not in the store: left out (a harvest adds them).</param>
/// <param name="FailedFiles">Files with a problem; see the issues reported.</param>
public sealed record ReextractSummary(long Changed, long Unchanged, long NotStored, IReadOnlyCollection<string> FailedFiles);

/// <summary>
/// Harvests WARC files into a store the way that keeps a resumed run exact: articles are saved in batches,
/// and a file's checkpoint (<see cref="WarcProgressStore"/>) is saved only after every article it covers is,
/// so a run killed at any moment and started again with <c>resume</c> neither loses nor repeats an article.
/// Also re-extracts archived pages into the records already stored (<see cref="ReextractAsync"/>).
/// </summary>
public sealed class WarcStoreHarvester
{
    /// <summary>Articles saved in one store call.</summary>
    public const int BatchSize = 200;

    private readonly IArticleStore _store;
    private readonly WarcHarvester _harvester;

    /// <param name="store">Where the records and the per-file progress go.</param>
    /// <param name="options">What to keep from the archives.</param>
    /// <param name="extractor">The extractor; a default one when null.</param>
    /// <param name="progress">Counts to add to, when several harvesters make one job.</param>
    public WarcStoreHarvester(IArticleStore store, WarcHarvestOptions? options = null, ArticleExtractor? extractor = null, WarcHarvestProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _harvester = new WarcHarvester(extractor ?? new ArticleExtractor(), options, progress);
    }

    /// <summary>Counts so far, for a progress display.</summary>
    public WarcHarvestProgress Progress => _harvester.Progress;

    /// <summary>Taken around each write to the store, when several harvesters share one store in one process.</summary>
    internal SemaphoreSlim? StoreWrites { get; init; }

    /// <summary>Receives each problem met (damage stepped over, a file that would not open), on the harvesting thread.</summary>
    public Action<WarcHarvestIssue>? OnIssue { get; init; }

    /// <summary>
    /// Harvests <paramref name="files"/> (paths, or <c>-</c> for standard input) into the store. With
    /// <paramref name="resume"/>, files a previous run finished are skipped and the others are read on after the
    /// last record that run stored. Storage errors (<see cref="System.Data.Common.DbException"/>,
    /// <see cref="Storage.StoreException"/>) are thrown; everything saved before them stays, with its checkpoint.
    /// </summary>
    public async Task<WarcStoreSummary> HarvestAsync(IReadOnlyList<string> files, bool resume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var progressStore = await WarcProgressStore.OpenAsync(_store, cancellationToken).ConfigureAwait(false);
        var sources = new List<WarcSource>(files.Count);
        var alreadyDone = 0;
        foreach (var file in files)
        {
            var remembered = resume && File.Exists(file) ? await progressStore.GetAsync(file, cancellationToken).ConfigureAwait(false) : null;
            if (remembered is { Done: true })
            {
                alreadyDone++;
                continue;
            }
            sources.Add(new WarcSource(file, remembered?.ResumeAfter));
        }
        var summary = await HarvestAsync(sources, progressStore, cancellationToken).ConfigureAwait(false);
        return summary with { FilesAlreadyDone = alreadyDone };
    }

    /// <summary>
    /// Harvests <paramref name="sources"/> into the store, each from its <see cref="WarcSource.ResumeAfter"/>, saving
    /// checkpoints in <paramref name="progressStore"/> (for every source but standard input) after the articles they cover.
    /// </summary>
    public async Task<WarcStoreSummary> HarvestAsync(IReadOnlyList<WarcSource> sources, WarcProgressStore progressStore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(progressStore);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Article>(BatchSize);
        long inserted = 0, updated = 0;

        async Task SaveBatchAsync()
        {
            if (batch.Count == 0)
                return;
            var result = await SaveAsync(batch, cancellationToken).ConfigureAwait(false);
            inserted += result.Inserted;
            updated += result.Updated;
            batch.Clear();
        }

        await foreach (var harvested in _harvester.RunAsync(sources, cancellationToken).ConfigureAwait(false))
        {
            switch (harvested)
            {
                case WarcArticle found:
                    batch.Add(found.Article);
                    if (batch.Count >= BatchSize)
                        await SaveBatchAsync().ConfigureAwait(false);
                    break;
                case WarcCheckpoint checkpoint when checkpoint.File != WarcSource.StandardInput:
                    // The articles a checkpoint covers are stored before it is.
                    await SaveBatchAsync().ConfigureAwait(false);
                    await SaveCheckpointAsync(progressStore, checkpoint, cancellationToken).ConfigureAwait(false);
                    break;
                case WarcHarvestIssue issue:
                    failedFiles.Add(issue.File);
                    OnIssue?.Invoke(issue);
                    break;
            }
        }
        await SaveBatchAsync().ConfigureAwait(false);
        return new WarcStoreSummary(inserted, updated, sources.Count, 0, failedFiles);
    }

    private async Task<SaveResult> SaveAsync(List<Article> batch, CancellationToken cancellationToken)
    {
        if (StoreWrites is null)
            return await _store.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        await StoreWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _store.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            StoreWrites.Release();
        }
    }

    private async Task SaveCheckpointAsync(WarcProgressStore progressStore, WarcCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (StoreWrites is not null)
            await StoreWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await progressStore.SaveAsync(checkpoint.File, checkpoint.Position, checkpoint.Done, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            StoreWrites?.Release();
        }
    }

    /// <summary>
    /// Extracts the pages of <paramref name="files"/> again with the current extractor and updates the stored records
    /// that come out differently; records not in the store are left out. Storage errors are thrown.
    /// </summary>
    public async Task<ReextractSummary> ReextractAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Article>(BatchSize);
        long changed = 0, unchanged = 0, notStored = 0;
        var sources = new List<WarcSource>(files.Count);
        foreach (var file in files)
            sources.Add(new WarcSource(file));
        await foreach (var harvested in _harvester.RunAsync(sources, cancellationToken).ConfigureAwait(false))
        {
            switch (harvested)
            {
                case WarcArticle found:
                    var stored = await _store.GetAsync(found.Article.Url ?? "", cancellationToken).ConfigureAwait(false);
                    if (stored is null)
                        notStored++;
                    else if (StoredRecordComparison.SameAsStored(stored.Article, found.Article))
                        unchanged++;
                    else
                    {
                        changed++;
                        batch.Add(found.Article);
                        if (batch.Count >= BatchSize)
                        {
                            await SaveAsync(batch, cancellationToken).ConfigureAwait(false);
                            batch.Clear();
                        }
                    }
                    break;
                case WarcHarvestIssue issue:
                    failedFiles.Add(issue.File);
                    OnIssue?.Invoke(issue);
                    break;
            }
        }
        if (batch.Count > 0)
            await SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        return new ReextractSummary(changed, unchanged, notStored, failedFiles);
    }
}
