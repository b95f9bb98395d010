using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Gleaner.Dedup;
using Gleaner.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file: WAL journal (readers never wait for the writer), write transactions
/// taken with BEGIN IMMEDIATE (writers queue instead of deadlocking), FTS5 with BM25 for search.
/// </summary>
internal sealed class SqliteArticleStore : SqlArticleStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _connection;
    private readonly SqliteRecordWriter _writer;
    private readonly Fts5PrefixWords _prefixWords;

    private SqliteArticleStore(string path, string connectionString, StoreOptions options, SqliteConnection connection)
        : base(path, connection, options)
    {
        _connectionString = connectionString;
        _connection = connection;
        _writer = new SqliteRecordWriter(connection);
        _prefixWords = new Fts5PrefixWords(connection);
    }

    public override StoreBackend Backend => StoreBackend.Sqlite;

    public static async Task<SqliteArticleStore> OpenAsync(string path, StoreOptions options, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            if (!options.CreateIfMissing)
                throw new StoreException($"no store at {path} (import or crawl something first, or open another store)");
            var folder = Path.GetDirectoryName(fullPath);
            if (folder is not null && !Directory.Exists(folder))
                throw new StoreException($"cannot create the store {path}: the folder {folder} does not exist");
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await ConfigureAsync(connection, options, cancellationToken);
            // The store's own connection does the writes: a page cache that holds the band index (about 55 MB at 100,000
            // records) answers a save's probes of it from memory (SQLite's default is 2 MB; pages are taken only as used).
            await using (var cache = connection.CreateCommand())
            {
                cache.CommandText = "PRAGMA cache_size = -65536";
                await cache.ExecuteNonQueryAsync(cancellationToken);
            }
            Fts5Ranking.Register(connection);
            var store = new SqliteArticleStore(path, connectionString, options, connection);
            await store.MigrateAsync(StoreSchema.Component, StoreSchema.Migrations, cancellationToken);
            return store;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreException($"cannot open the store {path}: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ConfigureAsync(SqliteConnection connection, StoreOptions options, CancellationToken cancellationToken)
    {
        SqliteLibrary.EnsureConfigured();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers work while one writer commits; NORMAL sync keeps every commit safe from a killed
        // process (only a power cut can lose the last commits, never corrupt the file).
        command.CommandText =
            $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task OptimizeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            // The merge rewrites the whole index through the WAL; the checkpoint gives that space back.
            "INSERT INTO articles_fts(articles_fts) VALUES ('optimize'); PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await ConfigureAsync(connection, Options, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StoreRecords.WithTimeoutAsync(request, async token =>
        {
            // Microsoft.Data.Sqlite only checks the token between steps; sqlite3_interrupt stops a running statement.
            using var interrupt = token.Register(static connection =>
            {
                if (((SqliteConnection)connection!).Handle is { } handle)
                    SQLitePCL.raw.sqlite3_interrupt(handle);
            }, _connection);
            try
            {
                return await SearchPageAsync(request, token);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
            {
                throw new OperationCanceledException(token);
            }
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> SearchPageAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var expanded = await _prefixWords.ExpandAsync(Fts5Query.Translate(SearchQuery.Parse(request.Query)), cancellationToken);
        var match = await PhraseWindowAsync(expanded, cancellationToken);
        var (limit, offset) = StoreRecords.Page(request);
        // A phrase of common words is costly to read (each record holding all its words has its positions compared): a
        // newest-first search, or a query of one phrase, reads its ids first, newest first, and when that read holds every
        // match the counts and the page use it instead of reading the matches again.
        var singlePhrase = expanded.Phrases is [{ Kind: Fts5PhraseKind.Counted } only] && only.Text == expanded.Expression;
        // A phrase of several words ranked by relevance is ranked in that first read, where FTS5 compares the positions
        // of every record holding all its words (the costly part) once: its scores there stand in with a count of 1, which
        // scales every score of one phrase alike and so keeps their order; the page's true scores are read with its snippets.
        // Filters and collapsing then need the matches' rows only, read by id. The read holds the newest matches that
        // relevance ranks, so without filters it is enough whatever the number of matches; with them it serves when it
        // holds every match, and is kept short in case it does not.
        var filtered = Filters(request.Filter) || request.Collapse;
        var rankedFirst = request.Sort == SearchSort.Relevance && singlePhrase && expanded.Phrases[0].Text.Contains(' ', StringComparison.Ordinal)
            ? new List<double>() : null;
        var cap = rankedFirst is null || filtered ? FewMatches : Math.Max(FewMatches, Options.RankedMatches);
        var firstRead = request.Sort == SearchSort.Newest || singlePhrase ? await NewestMatchIdsAsync(match, rankedFirst, cap, cancellationToken) : null;
        var everyMatch = firstRead is not null && firstRead.Count < cap ? firstRead : null;
        var phraseCounts = singlePhrase && everyMatch is not null
            ? [(everyMatch.Count, match.Window)] // every match read: the exact count (in the window)
            : await PhraseCountsAsync(expanded.Phrases, singlePhrase, match, cancellationToken); // a single phrase read here has at least ExactPhraseCount

        // The page of ids first (cheap), then in one read each the page's scores and snippets, and rows.
        var ids = request.Sort == SearchSort.Newest
            ? await NewestPageAsync(match, everyMatch, request, limit, offset, cancellationToken)
            : rankedFirst is not null && everyMatch is not null
                ? RankedPage(everyMatch, rankedFirst, filtered ? await PassingIdsAsync(everyMatch, request.Filter, cancellationToken) : null, request.Collapse, limit, offset)
                : rankedFirst is not null && firstRead is not null && !filtered
                    ? RankedPage(firstRead, rankedFirst, null, collapse: false, limit, offset)
                    : await RelevancePageAsync(match, phraseCounts, request, limit, offset, cancellationToken);
        if (ids.Count == 0)
            return [];
        var details = new Dictionary<long, (double Score, string Snippet)>(ids.Count);
        await using (var detail = Command(""))
        {
            detail.CommandText = $"""
                SELECT rowid, {RankSql(phraseCounts, detail)},
                    CASE WHEN articles_fts.text IS NULL THEN snippet(articles_fts, -1, char(2), char(3), '…', 24) ELSE snippet(articles_fts, 2, char(2), char(3), '…', 24) END
                FROM articles_fts WHERE articles_fts MATCH @match AND {IdsCondition(ids, detail, match.Lists)}
                """;
            detail.Parameters.AddWithValue("@match", match.Match);
            await using var reader = await detail.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                details[reader.GetInt64(0)] = (-reader.GetDouble(1), reader.IsDBNull(2) ? "" : reader.GetString(2));
        }
        var rows = new Dictionary<long, StoredArticle>(ids.Count);
        await using (var read = Command(""))
        {
            read.CommandText = $"SELECT {Columns} FROM articles a WHERE a.id IN (SELECT value FROM json_each(@ids))";
            read.Parameters.AddWithValue("@ids", IdList(ids));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = ReadStored(reader);
                rows[stored.Id] = stored;
            }
        }
        var hits = new List<SearchHit>(ids.Count);
        await using var copies = Command("SELECT COUNT(*) FROM articles WHERE story_id = @story");
        var copiesStory = copies.Parameters.Add("@story", SqliteType.Integer);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var stored) || !details.TryGetValue(id, out var detail))
                continue; // deleted or changed between the reads
            copiesStory.Value = stored.StoryId;
            var count = (long)(await copies.ExecuteScalarAsync(cancellationToken))!;
            hits.Add(new SearchHit(stored, detail.Score, detail.Snippet, (int)Math.Max(1, count)));
        }
        return hits;
    }

    /// <summary>
    /// A search's full-text condition: its MATCH expression and the id above which it is searched (0: the whole store;
    /// see <see cref="PhraseWindowAsync"/>), <paramref name="Newest"/> being the newest id when the window was chosen, and
    /// how many lists of the index the expression reads (<see cref="TermLists"/>).
    /// </summary>
    private readonly record struct FullText(string Match, long Floor, long Newest, int Lists)
    {
        /// <summary>How many of the newest ids the window holds; 0 for the whole store (as <see cref="Fts5Ranking"/> reads a sample size).</summary>
        public long Window => Floor > 0 ? Newest - Floor : 0;

        /// <summary>The condition on articles_fts, its values bound to <paramref name="command"/>.</summary>
        public string Condition(SqliteCommand command)
        {
            command.Parameters.AddWithValue("@match", Match);
            if (Floor <= 0)
                return "articles_fts MATCH @match";
            command.Parameters.AddWithValue("@match_floor", Floor);
            return "articles_fts MATCH @match AND articles_fts.rowid > @match_floor";
        }
    }

    /// <summary>
    /// The full-text condition of a search. A phrase of several words is found by reading the lists of all its words
    /// (comparing positions where they meet): for a phrase of common words ("the company said", "X said") that is most of
    /// the index, 40-400 ms of CPU at a million records for each read, however few its matches. When the lists of the words
    /// of the query's phrases hold more than <see cref="StoreOptions.PhraseWordEntries"/> entries (estimated from the
    /// newest <see cref="PhraseSample"/> records), the search keeps to the newest records that hold about that many: its
    /// matches, their ranking and the counts behind it come from that window.
    /// </summary>
    private async Task<FullText> PhraseWindowAsync(Fts5Match expanded, CancellationToken cancellationToken)
    {
        var entries = Math.Max(1, Options.PhraseWordEntries);
        long newest = -1;
        double perRecord = 0; // entries of the words' lists per record
        SqliteCommand? sample = null;
        HashSet<string>? counted = null;
        try
        {
            foreach (var (text, kind) in expanded.Phrases)
            {
                if (kind != Fts5PhraseKind.Counted || Fts5Query.PhraseWords(text) is not { } words)
                    continue;
                if (newest < 0)
                {
                    newest = await NewestIdAsync(cancellationToken);
                    if (newest <= entries / words.Length)
                        break; // too few records for that many entries
                    sample = Command("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @word AND rowid > @floor");
                    sample.Parameters.AddWithValue("@floor", newest - PhraseSample);
                    sample.Parameters.Add("@word", SqliteType.Text);
                    counted = new HashSet<string>(StringComparer.Ordinal);
                }
                foreach (var word in words)
                {
                    if (!counted!.Add(word))
                        continue;
                    sample!.Parameters["@word"].Value = Fts5Query.Quote([word]);
                    perRecord += (long)(await sample.ExecuteScalarAsync(cancellationToken))! / (double)Math.Min(newest, PhraseSample);
                }
            }
        }
        finally
        {
            if (sample is not null)
                await sample.DisposeAsync();
        }
        var lists = TermLists(expanded);
        if (perRecord * newest <= entries)
            return new FullText(expanded.Expression, 0, newest, lists);
        return new FullText(expanded.Expression, Math.Max(0, newest - (long)Math.Ceiling(entries / perRecord)), newest, lists);
    }

    /// <summary>
    /// How many lists of the index <paramref name="expanded"/> opens: one per word of each phrase, and for a prefix left
    /// to FTS5 as many as a prefix is spelled out as at most (FTS5 merges the lists of all its words).
    /// </summary>
    private static int TermLists(Fts5Match expanded)
    {
        var lists = 0;
        foreach (var (text, _) in expanded.Phrases)
            lists += Fts5Query.PrefixTerms(text) is not null ? Fts5PrefixWords.MaxWords : Fts5Query.PhraseWords(text)?.Length ?? 1;
        return Math.Max(1, lists);
    }

    /// <summary>The newest record's id (0 in an empty store).</summary>
    private async Task<long> NewestIdAsync(CancellationToken cancellationToken)
    {
        await using var max = Command("SELECT coalesce(max(id), 0) FROM articles");
        return (long)(await max.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Ids whose span is at most this many times their number, times the lists of the index the query reads, are read from
    /// the full-text index as one range (one cursor); wider lists are looked up one id at a time. Each lookup parses the
    /// expression and seeks each of its lists in every segment of the index (about 10-40 µs a list at a million
    /// records), so a page costs one opening instead of one per hit; a range reads the lists' entries between (about
    /// 0.1 µs each). The page of a prefix spelled out as 80 words at a million records: 14 ms looked up hit by hit, 3 ms as a range.
    /// </summary>
    private const int RangeSpan = 32;

    /// <summary>
    /// The condition on <paramref name="rowid"/> (articles_fts') that keeps <paramref name="ids"/> of a query reading
    /// <paramref name="lists"/> lists of the index (<see cref="TermLists"/>), its values bound to <paramref name="command"/>.
    /// </summary>
    private static string IdsCondition(IReadOnlyList<long> ids, SqliteCommand command, int lists, string rowid = "rowid")
    {
        long low = long.MaxValue, high = long.MinValue;
        foreach (var id in ids)
        {
            low = Math.Min(low, id);
            high = Math.Max(high, id);
        }
        command.Parameters.AddWithValue("@ids", IdList(ids));
        if (high - low > (long)RangeSpan * ids.Count * Math.Max(1, lists))
            return $"{rowid} IN (SELECT value FROM json_each(@ids))";
        command.Parameters.AddWithValue("@low", low);
        command.Parameters.AddWithValue("@high", high);
        // The unary + keeps the id list from becoming one lookup per id inside the range.
        return $"{rowid} BETWEEN @low AND @high AND +{rowid} IN (SELECT value FROM json_each(@ids))";
    }

    private static string IdList(IReadOnlyList<long> ids)
    {
        var list = new StringBuilder("[");
        foreach (var id in ids)
            list.Append(list.Length == 1 ? "" : ",").Append(id);
        return list.Append(']').ToString();
    }

    private async Task<List<long>> RelevancePageAsync(FullText match, IReadOnlyList<(long Hits, long Sample)> phraseCounts, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        var ranked = Math.Max(1, Options.RankedMatches);
        // A site filter is answered through the site's ids (indexed) instead of reading every match's row.
        var siteCondition = "";
        List<long>? siteMatches = null;
        var site = await SiteIdsAsync(request.Filter, cancellationToken);
        if (site is not null)
        {
            var (walk, share) = await ChooseSitePlanAsync(match, site, ranked, cancellationToken);
            if (walk)
                siteMatches = await WalkSiteAsync(match, site, share, request.Filter, ranked, cancellationToken);
            else
                siteCondition = " AND +articles_fts.rowid IN (" + SiteIds.Sql + ")";
        }

        await using var page = Command("");
        var filters = FilterSql(request.Filter, page);
        if (siteMatches is not null)
        {
            if (siteMatches.Count == 0)
                return [];
            siteCondition = " AND " + IdsCondition(siteMatches, page, match.Lists, "articles_fts.rowid");
        }
        else if (siteCondition.Length > 0)
            site!.Bind(page);
        // Only the order of the best limit + offset hits (of distinct stories when collapsing) matters here: the scores
        // shown are read with the snippets.
        var unfiltered = filters.Length == 0 && !request.Collapse;
        var top = limit + offset <= Fts5Ranking.MaxTop ? (limit + offset, unfiltered ? "rowid" : request.Collapse ? "a.story_id" : "a.id") : ((int, string)?)null;
        var rank = RankSql(phraseCounts, page, top);
        var fullText = match.Condition(page);
        // CROSS JOIN keeps the full-text index the outer loop, read newest first (descending rowid, which FTS5 delivers
        // without sorting), so the cap stops the scan and the ranking runs only for the rows kept. Without filters or
        // collapsing the records' rows are not needed at all. The site's ids are checked before a match's row is read.
        var hits = unfiltered
            ? $"""
              SELECT rowid AS id, rowid AS story_id, {rank} AS score
              FROM articles_fts WHERE {fullText}
              ORDER BY rowid DESC LIMIT @ranked
              """
            : $"""
              SELECT a.id, a.story_id, {rank} AS score
              FROM articles_fts CROSS JOIN {FilterRows(request.Filter)} ON a.id = articles_fts.rowid
              WHERE {fullText}{siteCondition}{filters}
              ORDER BY articles_fts.rowid DESC LIMIT @ranked
              """;
        page.CommandText = request.Collapse
            ? $"""
               WITH hits AS ({hits}),
               best AS (SELECT id, score, ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY score, id) AS copy FROM hits)
               SELECT id FROM best WHERE copy = 1 ORDER BY score, id LIMIT @limit OFFSET @offset
               """
            : $"WITH hits AS ({hits}) SELECT id FROM hits ORDER BY score, id LIMIT @limit OFFSET @offset";
        page.Parameters.AddWithValue("@ranked", ranked);
        page.Parameters.AddWithValue("@limit", limit);
        page.Parameters.AddWithValue("@offset", offset);
        var ids = new List<long>(limit);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>The records a site filter keeps, found through indexes (schema version 5): as SQL, its values, and about how many.</summary>
    private sealed record SiteIds(string Domains, string Name, long Count)
    {
        /// <summary>The records of the domains (the filter's and its subdomains) and those whose site name is the filter's, as FilterSql compares it.</summary>
        public const string Sql = """
            SELECT id FROM articles WHERE source_domain IN (SELECT value FROM json_each(@site_domains))
            UNION SELECT id FROM articles WHERE lower(site_name) = lower(@site_named)
            """;

        public void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("@site_domains", Domains);
            command.Parameters.AddWithValue("@site_named", Name);
        }
    }

    /// <summary>Most domains a site filter is looked up as (the domain and its subdomains); beyond, the filter reads rows.</summary>
    private const int MaxSiteDomains = 1_000;

    /// <summary>A site's records are counted up to this many for choosing how to search them.</summary>
    private const int SiteCountCap = 50_000;

    /// <summary>
    /// The site filter's records through the indexes, or null without a site filter (or one of more than
    /// <see cref="MaxSiteDomains"/> domains). The subdomains of the filter's domain are found level by level on the index of
    /// each domain under its parent domain: one index read per subdomain, whatever the size of the store.
    /// </summary>
    private async Task<SiteIds?> SiteIdsAsync(ArticleFilter filter, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(filter.Site))
            return null;
        List<string> domains = [filter.Site.Trim().ToLowerInvariant()];
        await using (var child = Command("""
            SELECT source_domain FROM articles
            WHERE substr(source_domain, instr(source_domain, '.') + 1) = @parent AND source_domain > @after
            ORDER BY substr(source_domain, instr(source_domain, '.') + 1), source_domain LIMIT 1
            """))
        {
            var parent = child.Parameters.Add("@parent", SqliteType.Text);
            var after = child.Parameters.Add("@after", SqliteType.Text);
            for (var i = 0; i < domains.Count; i++)
            {
                parent.Value = domains[i];
                after.Value = "";
                while (await child.ExecuteScalarAsync(cancellationToken) is string found)
                {
                    after.Value = found;
                    if (found == domains[i])
                        continue; // a name without a dot is its own parent
                    if (domains.Count == MaxSiteDomains)
                        return null;
                    domains.Add(found);
                }
            }
        }
        var site = new SiteIds(JsonStringArray.Write(domains), filter.Site.Trim(), 0);
        await using var count = Command("""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM articles WHERE source_domain IN (SELECT value FROM json_each(@site_domains)) LIMIT @cap))
                + (SELECT count(*) FROM (SELECT 1 FROM articles WHERE lower(site_name) = lower(@site_named) LIMIT @cap))
            """);
        site.Bind(count);
        count.Parameters.AddWithValue("@cap", SiteCountCap);
        return site with { Count = (long)(await count.ExecuteScalarAsync(cancellationToken))! };
    }

    /// <summary>
    /// Checking one id against the full-text index (a cursor opened on each of the query's terms) costs about as much as
    /// reading this many of a word's matches in a row and checking each against the site's ids (120 µs against 0.15 µs,
    /// measured at 1,000,000 records).
    /// </summary>
    private const double MatchesPerLookup = 800;

    /// <summary>
    /// Whether a relevance search with a site filter walks the site's ids (newest first, checking them against the
    /// full-text index) rather than read the matches newest first and check each against the site's ids: the walk when
    /// the site is small against the matches it would skip. Both find the newest ranked matches of the site.
    /// </summary>
    private async Task<(bool Walk, double Share)> ChooseSitePlanAsync(FullText match, SiteIds site, int ranked, CancellationToken cancellationToken)
    {
        if (site.Count == 0)
            return (true, 1);
        var newest = await NewestIdAsync(cancellationToken);
        var share = await MatchShareAsync(match, newest, cancellationToken);
        var matches = share * (newest - match.Floor);
        var walk = Math.Min(site.Count, ranked / Math.Max(share, 1.0 / Math.Max(1, newest))) * MatchesPerLookup;
        var read = Math.Min(matches, ranked * (double)newest / site.Count);
        return (walk < read, share);
    }

    /// <summary>The share of the newest <see cref="PhraseSample"/> records (in the search's window) that match, from one small read.</summary>
    private async Task<double> MatchShareAsync(FullText match, long newest, CancellationToken cancellationToken)
    {
        var floor = Math.Max(0, Math.Max(match.Floor, newest - PhraseSample));
        await using var sample = Command("");
        sample.CommandText = $"SELECT count(*) FROM articles_fts WHERE {match.Condition(sample)} AND articles_fts.rowid > @sample_floor";
        sample.Parameters.AddWithValue("@sample_floor", floor);
        return (long)(await sample.ExecuteScalarAsync(cancellationToken))! / (double)Math.Max(1, newest - floor);
    }

    /// <summary>
    /// The newest <paramref name="ranked"/> ids of the site that match and pass the other filters: the site's ids newest
    /// first (from the indexes alone), in chunks sized from the query's share of matches, checked against the full-text
    /// index, then the matching ones against the other filters.
    /// </summary>
    private async Task<List<long>> WalkSiteAsync(FullText match, SiteIds site, double share, ArticleFilter filter, int ranked, CancellationToken cancellationToken)
    {
        var found = new List<long>(Math.Min(ranked, (int)Math.Min(site.Count, int.MaxValue)));
        var rest = filter with { Site = null };
        await using var walk = Command($"SELECT id FROM ({SiteIds.Sql}) ORDER BY id DESC");
        site.Bind(walk);
        var chunk = new List<long>();
        await using var reader = await walk.ExecuteReaderAsync(cancellationToken);
        var more = true;
        while (more && found.Count < ranked)
        {
            var wanted = (int)Math.Clamp((ranked - found.Count) / Math.Max(share, 0.01) * 1.1, WalkChunk, 100_000);
            chunk.Clear();
            while (chunk.Count < wanted && (more = await reader.ReadAsync(cancellationToken)))
                chunk.Add(reader.GetInt64(0));
            if (chunk.Count == 0)
                break;
            var matching = await MatchingIdsAsync(match, chunk, cancellationToken);
            var matched = chunk.Where(matching.Contains).ToList();
            var passing = Filters(rest) ? await PassingIdsAsync(matched, rest, cancellationToken) : null;
            foreach (var id in matched)
                if ((passing is null || passing.ContainsKey(id)) && found.Count < ranked)
                    found.Add(id);
        }
        return found;
    }

    /// <summary>
    /// The records as <c>a</c> for reading matches' stories and checking <paramref name="filter"/>: the index of their
    /// ids, stories, languages and dates (schema version 7) when it holds every column the filter compares, which reads
    /// about a hundred records a page where the table reads one; the table otherwise.
    /// </summary>
    private static string FilterRows(ArticleFilter filter) =>
        string.IsNullOrWhiteSpace(filter.Site) && string.IsNullOrWhiteSpace(filter.Tag) && string.IsNullOrWhiteSpace(filter.Author)
            ? "articles a INDEXED BY articles_filters"
            : "articles a";

    /// <summary>Whether <paramref name="filter"/> leaves any record out (<see cref="SqlArticleStore.FilterSql"/> writes a condition).</summary>
    private static bool Filters(ArticleFilter filter) =>
        !string.IsNullOrWhiteSpace(filter.Site) || filter.Since is not null || filter.Until is not null || !string.IsNullOrWhiteSpace(filter.Language)
        || !string.IsNullOrWhiteSpace(filter.Tag) || !string.IsNullOrWhiteSpace(filter.Author);

    /// <summary>Which of <paramref name="ids"/> pass <paramref name="filter"/>, with their stories, in one read.</summary>
    private async Task<Dictionary<long, long?>> PassingIdsAsync(List<long> ids, ArticleFilter filter, CancellationToken cancellationToken)
    {
        var passing = new Dictionary<long, long?>(ids.Count);
        if (ids.Count == 0)
            return passing;
        await using var command = Command("");
        command.CommandText = $"SELECT a.id, a.story_id FROM {FilterRows(filter)} WHERE a.id IN (SELECT value FROM json_each(@ids)){FilterSql(filter, command)}";
        command.Parameters.AddWithValue("@ids", IdList(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            passing[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        return passing;
    }

    /// <summary>Below this many matches, newest-first reads every match and sorts; from it on, it walks the date index.</summary>
    private const int FewMatches = 1_000;

    /// <summary>Rows of the date index examined before a walk gives up for reading every match (filters that pass almost nothing).</summary>
    private const int DateWalkBudget = 50_000;

    /// <summary>Records that pass the filters checked against the full-text index at once when a walk of the date index starts (then four times more each time).</summary>
    private const int WalkChunk = 256;

    /// <summary>Up to this many matches, newest-first reads their ids and walks the date index alone, checking each id against them.</summary>
    private const int MatchSet = 20_000;

    /// <summary>
    /// An entry of the date index costs about this share of reading a record's row (index pages hold hundreds of entries,
    /// a record's row fills a page): a walk of the index with the matches' ids in hand examines up to this many entries
    /// a match before reading every match's row is cheaper.
    /// </summary>
    private const int EntriesPerRow = 10;

    /// <summary>
    /// Newest first. A query with few matches reads them all and sorts them by date. One with up to <see cref="MatchSet"/>
    /// reads their ids and walks the date index (the index alone), reading rows only for the matches met. One with more
    /// walks the date index and checks the records that pass the filters against the full-text index a chunk at a time.
    /// Each walk stops at the page's last result: a word in every record costs about as much as a rare one.
    /// </summary>
    private async Task<List<long>> NewestPageAsync(FullText match, List<long>? everyMatch, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        if (everyMatch is not null)
            return await NewestOfAsync(everyMatch, request, limit, offset, cancellationToken);
        // The way is chosen from the matches' share among the newest records, not by counting them (a read as long as the
        // walk): every way gives the same page, an estimate only chooses the cheaper one.
        var newestId = await NewestIdAsync(cancellationToken);
        var matches = await MatchShareAsync(match, newestId, cancellationToken) * (newestId - match.Floor);
        var manyMatches = matches > MatchSet;
        if (!manyMatches)
        {
            var (walkedThrough, tooMany) = await WalkDateIndexThroughMatchesAsync(match, request, limit, offset, cancellationToken);
            if (walkedThrough is not null)
                return walkedThrough;
            manyMatches = tooMany;
        }
        if (manyMatches && await WalkDateIndexAsync(match, request, limit, offset, cancellationToken) is { } walked)
            return walked;

        await using var page = Command("");
        // A site's ids are checked before a match's row is read.
        var siteCondition = "";
        if (await SiteIdsAsync(request.Filter, cancellationToken) is { } site)
        {
            siteCondition = " AND +articles_fts.rowid IN (" + SiteIds.Sql + ")";
            site.Bind(page);
        }
        page.CommandText = $"""
            SELECT a.id, a.story_id
            FROM articles_fts CROSS JOIN {FilterRows(request.Filter)} ON a.id = articles_fts.rowid
            WHERE {match.Condition(page)}{siteCondition}{FilterSql(request.Filter, page)}
            ORDER BY a.published_at DESC, a.id DESC
            """;
        var newest = new ResultPage(request.Collapse, limit, offset);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && !newest.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)))
        {
        }
        return newest.Ids;
    }

    /// <summary>
    /// The ids of the newest <paramref name="cap"/> matches, newest first (fewer than <paramref name="cap"/>: every match).
    /// With <paramref name="scores"/>, each match's score (the query taken as one phrase held by 1 record) is added to it
    /// in the ids' order. A search kept to a window of newest records (<see cref="PhraseWindowAsync"/>) usually holds fewer
    /// matches than that, and reads the window oldest first: FTS5 reads a list backwards a page at a time by decoding it
    /// forwards, so the same matches cost about a fifth less; when the window holds more, the newest are read again.
    /// </summary>
    private async Task<List<long>> NewestMatchIdsAsync(FullText match, List<double>? scores, int cap, CancellationToken cancellationToken)
    {
        if (match.Floor > 0)
        {
            var oldestFirst = await MatchIdsAsync(match, scores, cap + 1, "ASC", cancellationToken);
            if (oldestFirst.Count <= cap)
            {
                oldestFirst.Reverse();
                scores?.Reverse();
                return oldestFirst;
            }
            scores?.Clear();
        }
        return await MatchIdsAsync(match, scores, cap, "DESC", cancellationToken);
    }

    /// <summary>The ids (and with <paramref name="scores"/>, scores) of the first <paramref name="limit"/> matches in rowid <paramref name="order"/>.</summary>
    private async Task<List<long>> MatchIdsAsync(FullText match, List<double>? scores, int limit, string order, CancellationToken cancellationToken)
    {
        await using var read = Command("");
        var fullText = match.Condition(read);
        read.CommandText = scores is null
            ? $"SELECT rowid FROM articles_fts WHERE {fullText} ORDER BY rowid {order} LIMIT @cap"
            : $"SELECT rowid, {Fts5Ranking.Function}(articles_fts, 1, 0) FROM articles_fts WHERE {fullText} ORDER BY rowid {order} LIMIT @cap";
        read.Parameters.AddWithValue("@cap", limit);
        var ids = new List<long>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
            scores?.Add(reader.GetDouble(1));
        }
        return ids;
    }

    /// <summary>
    /// The relevance page of every match of a query, given their <paramref name="scores"/>, as <see cref="RelevancePageAsync"/>
    /// orders them: the newest <see cref="StoreOptions.RankedMatches"/> of those in <paramref name="passing"/> (the matches
    /// that pass the filters, with their stories; null: every match), by score then id, the best copy of each story when
    /// collapsing.
    /// </summary>
    private List<long> RankedPage(List<long> ids, List<double> scores, Dictionary<long, long?>? passing, bool collapse, int limit, int offset)
    {
        var order = new List<int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
            if (passing is null || passing.ContainsKey(ids[i]))
                order.Add(i);
        order.Sort((x, y) => ids[y].CompareTo(ids[x]));
        var ranked = Math.Max(1, Options.RankedMatches);
        if (order.Count > ranked)
            order.RemoveRange(ranked, order.Count - ranked);
        order.Sort((x, y) => scores[x] != scores[y] ? scores[x].CompareTo(scores[y]) : ids[x].CompareTo(ids[y]));
        var page = new ResultPage(collapse, limit, offset);
        foreach (var i in order)
            if (page.Add(ids[i], passing?[ids[i]]))
                break;
        return page.Ids;
    }

    /// <summary>The newest-first page of <paramref name="ids"/> (every match of the query): their rows read by id and sorted by date.</summary>
    private async Task<List<long>> NewestOfAsync(List<long> ids, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        var newest = new ResultPage(request.Collapse, limit, offset);
        if (ids.Count == 0)
            return newest.Ids;
        await using var page = Command("");
        page.CommandText = $"""
            SELECT a.id, a.story_id FROM {FilterRows(request.Filter)}
            WHERE a.id IN (SELECT value FROM json_each(@ids)){FilterSql(request.Filter, page)}
            ORDER BY a.published_at DESC, a.id DESC
            """;
        page.Parameters.AddWithValue("@ids", IdList(ids));
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && !newest.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)))
        {
        }
        return newest.Ids;
    }

    /// <summary>
    /// The date index walked with the matches' ids in hand: its entries alone (no rows) newest first, the matches met
    /// checked against the filters (and their stories read) a batch at a time. No page when the matches are more than
    /// <see cref="MatchSet"/> (<c>TooMany</c>), or when <see cref="EntriesPerRow"/> entries a match were examined before
    /// the page was full.
    /// </summary>
    private async Task<(List<long>? Page, bool TooMany)> WalkDateIndexThroughMatchesAsync(FullText match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        var matching = new HashSet<long>();
        await using (var read = Command(""))
        {
            read.CommandText = $"SELECT rowid FROM articles_fts WHERE {match.Condition(read)} LIMIT @cap";
            read.Parameters.AddWithValue("@cap", MatchSet + 1);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                matching.Add(reader.GetInt64(0));
        }
        if (matching.Count > MatchSet)
            return (null, true);
        var budget = (long)matching.Count * EntriesPerRow;
        var rowsNeeded = request.Collapse || Filters(request.Filter);
        await using var walk = Command("SELECT id FROM articles INDEXED BY articles_published_at ORDER BY published_at DESC, id DESC");
        var newest = new ResultPage(request.Collapse, limit, offset);
        var met = new List<long>();
        var batch = limit + offset;
        long examined = 0;
        await using var walker = await walk.ExecuteReaderAsync(cancellationToken);
        while (true)
        {
            var more = await walker.ReadAsync(cancellationToken);
            if (more && ++examined > budget)
                return (null, false);
            if (more && matching.Contains(walker.GetInt64(0)))
                met.Add(walker.GetInt64(0));
            if (met.Count >= batch || (!more && met.Count > 0))
            {
                batch *= 4;
                var passing = rowsNeeded ? await PassingIdsAsync(met, request.Filter, cancellationToken) : null;
                foreach (var id in met)
                    if ((passing is null || passing.TryGetValue(id, out _)) && newest.Add(id, passing?[id]))
                        return (newest.Ids, false);
                met.Clear();
            }
            if (!more)
                return (newest.Ids, false);
        }
    }

    /// <summary>The date-index walk; null when <see cref="DateWalkBudget"/> rows were examined before the page was full.</summary>
    private async Task<List<long>?> WalkDateIndexAsync(FullText match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var walk = Command("");
        var filters = FilterSql(request.Filter, walk);
        // Every examined row comes back (with whether it passes the filters), so the walk can be cut off after a budget.
        walk.CommandText = $"""
            SELECT a.id, a.story_id, CASE WHEN 1 = 1{filters} THEN 1 ELSE 0 END
            FROM articles a INDEXED BY articles_published_at
            ORDER BY a.published_at DESC, a.id DESC
            """;
        var newest = new ResultPage(request.Collapse, limit, offset);
        var chunk = new List<long>(WalkChunk);
        var stories = new List<long?>(WalkChunk);
        var examined = 0;
        var chunkSize = WalkChunk;
        await using var reader = await walk.ExecuteReaderAsync(cancellationToken);
        while (true)
        {
            var more = await reader.ReadAsync(cancellationToken);
            if (more && ++examined > DateWalkBudget)
                return null;
            if (more && reader.GetInt64(2) == 1)
            {
                chunk.Add(reader.GetInt64(0));
                stories.Add(reader.IsDBNull(1) ? null : reader.GetInt64(1));
            }
            if (chunk.Count == chunkSize || (!more && chunk.Count > 0))
            {
                chunkSize *= 4; // each check opens the full-text index once: fewer, larger checks the longer the walk
                var matching = await MatchingIdsAsync(match, chunk, cancellationToken);
                for (var i = 0; i < chunk.Count; i++)
                    if (matching.Contains(chunk[i]) && newest.Add(chunk[i], stories[i]))
                        return newest.Ids;
                chunk.Clear();
                stories.Clear();
            }
            if (!more)
                return newest.Ids;
        }
    }

    /// <summary>Which of <paramref name="ids"/> match, in one read of the full-text index.</summary>
    private async Task<HashSet<long>> MatchingIdsAsync(FullText match, List<long> ids, CancellationToken cancellationToken)
    {
        await using var command = Command("");
        command.CommandText = $"SELECT rowid FROM articles_fts WHERE {match.Condition(command)} AND {IdsCondition(ids, command, match.Lists)}";
        var matching = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            matching.Add(reader.GetInt64(0));
        return matching;
    }

    /// <summary>A page filled in result order: the first copy of each story only when collapsing, after the offset.</summary>
    private sealed class ResultPage(bool collapse, int limit, int offset)
    {
        private readonly HashSet<long>? _stories = collapse ? [] : null;
        private int _skipped;

        public List<long> Ids { get; } = new(limit);

        /// <summary>Offers the next hit; true when the page is full.</summary>
        public bool Add(long id, long? story)
        {
            if (_stories is not null && !_stories.Add(story ?? id))
                return false;
            if (_skipped < offset)
            {
                _skipped++;
                return false;
            }
            Ids.Add(id);
            return Ids.Count >= limit;
        }
    }

    /// <summary>Phrases found in fewer records than this are counted exactly for their weight; others are sampled.</summary>
    private const int ExactPhraseCount = FewMatches; // NewestMatchIdsAsync's read counts a single phrase exactly

    /// <summary>How many of the newest ids the share of records holding a common phrase is read from.</summary>
    private const int PhraseSample = 20_000;

    /// <summary>
    /// How many records hold each of <paramref name="phrases"/>, for <see cref="Fts5Ranking"/>: counted when fewer
    /// than <see cref="ExactPhraseCount"/>, else their share among the newest <see cref="PhraseSample"/> ids. A few small
    /// reads instead of reading the whole list of records of every phrase. <paramref name="firstIsCommon"/>: the first
    /// phrase is already known to be in at least <see cref="ExactPhraseCount"/> records, and only sampled. A search kept to
    /// a window of newest records (<paramref name="window"/>) counts each phrase in the window, or samples its newest records.
    /// </summary>
    private async Task<IReadOnlyList<(long Hits, long Sample)>> PhraseCountsAsync(IReadOnlyList<Fts5Phrase> phrases, bool firstIsCommon, FullText window, CancellationToken cancellationToken)
    {
        await using var exact = Command("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @phrase AND rowid > @floor LIMIT @cap)");
        var exactPhrase = exact.Parameters.Add("@phrase", SqliteType.Text);
        exact.Parameters.AddWithValue("@floor", window.Floor > 0 ? window.Floor : long.MinValue);
        exact.Parameters.AddWithValue("@cap", ExactPhraseCount);
        await using var sampled = Command("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @phrase AND rowid > @floor");
        var sampledPhrase = sampled.Parameters.Add("@phrase", SqliteType.Text);
        var floor = sampled.Parameters.Add("@floor", SqliteType.Integer);
        long? newest = null;
        var counts = new List<(long Hits, long Sample)>(phrases.Count);
        foreach (var (phrase, kind) in phrases)
        {
            if (kind != Fts5PhraseKind.Counted)
            {
                // A prefix stands for many words whose lists are long to count: taken as held by 1 record in 100, its
                // words spelled out as one phrase with it (see Fts5Ranking).
                counts.Add(kind == Fts5PhraseKind.Prefix ? (1, 100) : (-1, 0));
                continue;
            }
            // A search kept to its newest records (PhraseWindowAsync) counts in them: exactly, or from their newest ones.
            exactPhrase.Value = phrase;
            long hits = firstIsCommon && counts.Count == 0 ? ExactPhraseCount : (long)(await exact.ExecuteScalarAsync(cancellationToken))!, sample = window.Window;
            if (hits >= ExactPhraseCount)
            {
                newest ??= await NewestIdAsync(cancellationToken);
                var sampleFloor = Math.Max(window.Floor, newest.Value - PhraseSample);
                sampledPhrase.Value = phrase;
                floor.Value = sampleFloor;
                hits = (long)(await sampled.ExecuteScalarAsync(cancellationToken))!;
                sample = sampleFloor > 0 ? newest.Value - sampleFloor : 0; // a store this small was counted whole
            }
            counts.Add((hits, sample));
        }
        return counts;
    }

    /// <summary>
    /// The SQL of a hit's BM25 score (see <see cref="Fts5Ranking"/>), the phrase counts bound to <paramref name="command"/>.
    /// With <paramref name="top"/>, for a page's order only: exact for the hits that can be among the best <c>Count</c>
    /// (of distinct <c>Group</c> values) and a bound below the k-th best for the others (<see cref="Fts5Ranking.TopFunction"/>).
    /// </summary>
    private static string RankSql(IReadOnlyList<(long Hits, long Sample)> phraseCounts, SqliteCommand command, (int Count, string Group)? top = null)
    {
        var sql = new StringBuilder();
        if (top is { } best)
        {
            command.Parameters.AddWithValue("@rank_top", best.Count);
            sql.Append(Fts5Ranking.TopFunction).Append("(articles_fts, @rank_top, ").Append(best.Group);
        }
        else
            sql.Append(Fts5Ranking.Function).Append("(articles_fts");
        for (var i = 0; i < phraseCounts.Count; i++)
        {
            var name = "@phrase" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name + "_hits", phraseCounts[i].Hits);
            command.Parameters.AddWithValue(name + "_sample", phraseCounts[i].Sample);
            sql.Append(", ").Append(name).Append("_hits, ").Append(name).Append("_sample");
        }
        return sql.Append(')').ToString();
    }

    private new SqliteCommand Command(string sql, DbTransaction? transaction = null) => (SqliteCommand)base.Command(sql, transaction);

    // ---- The dialect ----

    protected override string EndsWith(string value, string suffix) => $"substr({value}, -length({suffix})) = {suffix}";

    protected override string Contains(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";

    protected override string Elements(string column, string alias) => $"json_each({column}) {alias}";

    protected override object InstantValue(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    protected override DateTimeOffset? ReadPublishedAt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));

    protected override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => StoreRecords.ParseInstant(reader.GetString(ordinal));

    protected override IReadOnlyList<string> ReadStrings(DbDataReader reader, int ordinal) => JsonStringArray.Read(reader.GetString(ordinal));

    protected override string AliasesSql =>
        "(SELECT json_group_array(l.url) FROM (SELECT url FROM article_aliases WHERE article_id = a.id ORDER BY url) l)";

    protected override string SchemaTableExistsSql => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gleaner_schema'";

    protected override string MigrationSql(SchemaMigration migration) => migration.Sqlite;

    // Writes hold the write lock (BEGIN IMMEDIATE) from the first read of a save, so what they read stays true.
    protected override Task<Dictionary<string, StoredKey>> ReadStoredAsync(IReadOnlyList<PreparedRecord> records, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadStoredAsync(records, (SqliteTransaction)transaction, cancellationToken);

    protected override Task<IReadOnlyList<long>> ReserveIdsAsync(int count, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReserveIdsAsync(count, cancellationToken);

    protected override Task<Dictionary<long, List<long>>> ReadBucketsAsync(IReadOnlyCollection<long> bandKeys, int perKey, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadBucketsAsync(bandKeys, perKey, cancellationToken);

    protected override Task<Dictionary<long, StoredSignature>> ReadSignaturesAsync(IReadOnlyCollection<long> ids, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadSignaturesAsync(ids, cancellationToken);

    protected override Task<(int Inserted, int Updated)> WriteAsync(LinkedBatch batch, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.WriteAsync(batch, cancellationToken);

    /// <summary>Moves the band keys of the newest records into the main band table now (a save does it when they are many).</summary>
    internal async Task MergeBandsAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
        await _writer.MergeBandsAsync(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _connection.DisposeAsync();
    }
}
