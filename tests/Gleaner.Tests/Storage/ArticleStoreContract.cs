using Gleaner.Formats;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Gleaner.Dedup;
using Gleaner.Storage;
using Gleaner.Storage.Search;
using Gleaner.Storage.Sqlite;

namespace Gleaner.Tests.Storage;

/// <summary>
/// What every backend must do. Each backend's subclass opens a fresh, empty store for each test.
/// </summary>
public abstract class ArticleStoreContract : IAsyncLifetime
{
    protected IArticleStore Store { get; set; } = null!;

    /// <summary>The <c>--store</c> value of a fresh, empty store.</summary>
    protected abstract Task<string> CreateLocationAsync();

    protected abstract Task DeleteLocationAsync();

    protected string Location { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Location = await CreateLocationAsync();
        Store = await ArticleStores.OpenAsync(Location);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await DeleteLocationAsync();
    }

    private static IEnumerable<string> Sorted(params string[] urls) => urls.Order(StringComparer.Ordinal);

    private async Task<List<string>> SearchUrls(string query, ArticleFilter? filter = null, SearchSort sort = SearchSort.Relevance, int limit = 20, int offset = 0)
    {
        var hits = await Store.SearchAsync(new SearchRequest(query) { Filter = filter ?? ArticleFilter.None, Sort = sort, Limit = limit, Offset = offset });
        return hits.Select(h => h.Stored.Article.Url!).ToList();
    }

    [StoreFact]
    public async Task StoresAndReadsBackEveryField()
    {
        var original = StoreSamples.Quake();
        original.Modified = "2024-01-01T17:00:00+09:00";
        original.Image = "https://wire.example/img/quake.jpg";
        original.Fetched = "2024-01-01T08:00:00+00:00";
        original.CanonicalUrl = "https://syndication.example/quake";
        var result = await Store.SaveAsync([original]);
        Assert.Equal(new SaveResult(1, 0, 0), result);

        var stored = await Store.GetAsync(original.Url!);
        Assert.NotNull(stored);
        var read = stored.Article;
        Assert.Equal(original.Url, read.Url);
        Assert.Equal(original.SourceDomain, read.SourceDomain);
        Assert.Equal(original.SiteName, read.SiteName);
        Assert.Equal(original.Title, read.Title);
        Assert.Equal(original.Description, read.Description);
        Assert.Equal(original.Text, read.Text);
        Assert.Equal(original.Authors, read.Authors);
        Assert.Equal(original.Published, read.Published);
        Assert.Equal(original.Modified, read.Modified);
        Assert.Equal(original.Language, read.Language);
        Assert.Equal(original.Image, read.Image);
        Assert.Equal(original.Section, read.Section);
        Assert.Equal(original.Tags, read.Tags);
        Assert.Equal(original.Fetched, read.Fetched);
        Assert.Equal(original.CanonicalUrl, read.CanonicalUrl);
        Assert.Equal(stored.Id, stored.StoryId);
        Assert.Null(await Store.GetAsync("https://wire.example/missing"));
    }

    [StoreFact]
    public async Task OptimizingKeepsEveryRecordAndEverySearchAnswer()
    {
        await Store.SaveAsync([.. StoreSamples.All().Take(3)]);
        await Store.SaveAsync([.. StoreSamples.All().Skip(3)]);
        string[] queries = ["seismologists", "harbour OR lighthouse", "quake*", "\"the quake\""];
        var before = new List<List<string>>();
        foreach (var query in queries)
            before.Add(await SearchUrls(query));
        Assert.Contains(before, urls => urls.Count > 0);

        await Store.OptimizeAsync();

        for (var i = 0; i < queries.Length; i++)
            Assert.Equal(before[i], await SearchUrls(queries[i]));
        Assert.Equal(StoreSamples.All().Count, (await Store.GetStatisticsAsync(ArticleFilter.None)).Articles);
        // The store takes writes again afterwards.
        var changed = StoreSamples.Markets();
        changed.Title = "Markets after the merge";
        await Store.SaveAsync([changed]);
        Assert.Equal("Markets after the merge", (await Store.GetAsync(changed.Url!))!.Article.Title);
    }

    [StoreFact]
    public async Task StoringAgainUpdatesAndKeepsFirstSeen()
    {
        await Store.SaveAsync([StoreSamples.Quake()]);
        var first = (await Store.GetAsync(StoreSamples.Quake().Url!))!;
        await Task.Delay(20);

        var changed = StoreSamples.Quake();
        changed.Title = "Powerful earthquake strikes central Japan, dozens dead";
        changed.CanonicalUrl = "https://syndication.example/quake";
        var result = await Store.SaveAsync([changed]);

        Assert.Equal(new SaveResult(0, 1, 0), result);
        var second = (await Store.GetAsync(changed.Url!))!;
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(changed.Title, second.Article.Title);
        Assert.Equal(changed.CanonicalUrl, second.Article.CanonicalUrl);
        Assert.Equal(first.FirstSeen, second.FirstSeen);
        Assert.True(second.LastSaved > first.LastSaved);
        Assert.Equal(1, (await Store.GetStatisticsAsync(ArticleFilter.None)).Articles);
        // The index follows the update: the new headline is found, once.
        Assert.Single(await SearchUrls("dozens dead"));
    }

    [StoreFact]
    public async Task ImportedTimesAreKeptAndAnUpdateKeepsTheEarlierFirstSeen()
    {
        var firstSeen = new DateTimeOffset(2024, 1, 1, 8, 0, 1, 250, TimeSpan.Zero);
        var lastSaved = new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.Zero);
        await Store.SaveAsync([StoreSamples.Quake()], [new StoredFacts(firstSeen, lastSaved, [])]);
        var stored = (await Store.GetAsync(StoreSamples.Quake().Url!))!;
        Assert.Equal((firstSeen, lastSaved), (stored.FirstSeen, stored.LastSaved));

        // Saved again later without times: first seen stays, last saved is now; with an earlier first seen, that one.
        await Store.SaveAsync([StoreSamples.Quake()]);
        var again = (await Store.GetAsync(StoreSamples.Quake().Url!))!;
        Assert.Equal(firstSeen, again.FirstSeen);
        Assert.True(again.LastSaved > lastSaved);
        await Store.SaveAsync([StoreSamples.Quake()], [new StoredFacts(firstSeen.AddDays(-1), null, [])]);
        Assert.Equal(firstSeen.AddDays(-1), (await Store.GetAsync(StoreSamples.Quake().Url!))!.FirstSeen);
    }

    [StoreFact]
    public async Task AliasesFindTheirRecordAndNeverShadowARecordsOwnAddress()
    {
        var quake = StoreSamples.Quake();
        await Store.SaveAsync([quake, StoreSamples.Markets()], [new StoredFacts(null, null, [quake.Url + "?p=2"]), null]);
        Assert.True(await Store.AddAliasAsync(quake.Url!, quake.Url + "/"));
        Assert.False(await Store.AddAliasAsync(quake.Url!, StoreSamples.Markets().Url!)); // another record's own address
        Assert.False(await Store.AddAliasAsync("https://nowhere.example/", "https://nowhere.example/x"));

        var byAlias = (await Store.GetAsync(quake.Url + "/"))!;
        Assert.Equal(quake.Url, byAlias.Article.Url);
        Assert.Equal([quake.Url + "/", quake.Url + "?p=2"], byAlias.Aliases);
        Assert.Equal(StoreSamples.Markets().Url, (await Store.GetAsync(StoreSamples.Markets().Url!))!.Article.Url);
        var exported = await Store.ExportAsync(ArticleFilter.None).ToListAsync();
        Assert.Equal(2, exported.Single(r => r.Article.Url == quake.Url).Aliases.Count);
        Assert.Empty(exported.Single(r => r.Article.Url != quake.Url).Aliases);

        // A page stored later under an alias's address is a record of its own: the alias goes.
        var moved = StoreSamples.German();
        moved.Url = quake.Url + "/";
        await Store.SaveAsync([moved]);
        Assert.Equal(moved.Title, (await Store.GetAsync(quake.Url + "/"))!.Article.Title);
        Assert.Equal([quake.Url + "?p=2"], (await Store.GetAsync(quake.Url!))!.Aliases);
    }

    [StoreFact]
    public async Task ARecordWithoutUrlIsKeyedByItsContent()
    {
        var record = new Article { Title = "No address", Text = "A record from a text file has no URL at all." };
        await Store.SaveAsync([record]);
        var again = await Store.SaveAsync([new Article { Title = "No address", Text = "A record from a text file has no URL at all." }]);
        Assert.Equal(1, again.Updated);
        var stored = await Store.ExportAsync(ArticleFilter.None).ToListAsync();
        Assert.Single(stored);
        Assert.StartsWith("urn:gleaner:record:", stored[0].Article.Url);
    }

    [StoreFact]
    public async Task SearchesWordsPhrasesExclusionsAlternativesAndPrefixes()
    {
        await Store.SaveAsync(StoreSamples.All());
        var quake = StoreSamples.Quake().Url!;
        var copy = StoreSamples.QuakeCopy().Url!;
        var analysis = StoreSamples.QuakeAnalysis().Url!;
        var markets = StoreSamples.Markets().Url!;

        Assert.Equal(Sorted(quake, copy), (await SearchUrls("tsunami warning")).Order(StringComparer.Ordinal));
        Assert.Equal([analysis], await SearchUrls("\"building codes\""));
        Assert.Empty(await SearchUrls("\"codes building\""));
        Assert.Equal([quake], await SearchUrls("tsunami -regional -\"prime minister\" OR tsunami toppling houses"));
        Assert.Equal(Sorted(analysis, markets), (await SearchUrls("seismologists OR nikkei")).Order(StringComparer.Ordinal));
        Assert.Equal(Sorted(analysis, markets), (await SearchUrls("(seismologists OR nikkei) -bullet")).Order(StringComparer.Ordinal));
        Assert.Equal([markets], await SearchUrls("nikk*"));
        Assert.Empty(await SearchUrls("zeppelin"));
    }

    [StoreFact]
    public async Task RanksTitleMatchesAboveBodyMatches()
    {
        await Store.SaveAsync(StoreSamples.All());
        var urls = await SearchUrls("stocks");
        Assert.Equal(StoreSamples.Markets().Url, urls[0]);
    }

    [StoreFact]
    public async Task RanksByTermWeightWhenAWordIsInMostRecords()
    {
        // More records hold "harbour" than SQLite counts exactly for a term's weight: its share is read instead.
        var records = Enumerable.Range(0, 1_200).Select(i => new Article
        {
            Url = $"https://port.example/{i}",
            Title = $"Harbour note {i}",
            Text = i % 3 == 0 ? "The harbour opened. Boats came in." : "The harbour closed.",
        }).ToList();
        records.Add(new Article { Url = "https://port.example/light", Title = "Evening notes", Text = "The harbour lighthouse and the lighthouse keeper." });
        records.Add(new Article { Url = "https://port.example/boats", Title = "Boats", Text = "The harbour saw boats, boats and boats." });
        await Store.SaveAsync(records);

        Assert.Equal(["https://port.example/light"], await SearchUrls("harbour lighthouse"));
        Assert.Equal("https://port.example/boats", (await SearchUrls("harbour boats"))[0]);
        var hits = await Store.SearchAsync(new SearchRequest("harbour OR lighthouse"));
        Assert.Equal(20, hits.Count);
        Assert.All(hits, hit => Assert.True(hit.Score > 0));
    }

    [StoreFact]
    public async Task FiltersBySiteDateLanguageTagAndAuthor()
    {
        await Store.SaveAsync(StoreSamples.All());
        var quake = StoreSamples.Quake().Url!;
        var copy = StoreSamples.QuakeCopy().Url!;
        var analysis = StoreSamples.QuakeAnalysis().Url!;
        var markets = StoreSamples.Markets().Url!;

        Assert.Equal([copy], await SearchUrls("japan", new ArticleFilter { Site = "regional.example" }));
        Assert.Equal([copy], await SearchUrls("japan", new ArticleFilter { Site = "the regional" }));
        Assert.Equal([analysis], await SearchUrls("japan", new ArticleFilter { Since = DateTimeOffset.Parse("2024-01-03T00:00:00Z") }));
        Assert.Equal(Sorted(quake, copy), (await SearchUrls("japan OR tokyo", new ArticleFilter { Until = DateTimeOffset.Parse("2024-01-01T12:00:00Z") })).Order(StringComparer.Ordinal));
        Assert.Equal([markets], await SearchUrls("tokyo", new ArticleFilter { Since = DateTimeOffset.Parse("2024-01-02T00:00:00Z"), Until = DateTimeOffset.Parse("2024-01-03T00:00:00Z") }));
        Assert.Equal([StoreSamples.German().Url!], await SearchUrls("berlin", new ArticleFilter { Language = "DE" }));
        Assert.Empty(await SearchUrls("berlin", new ArticleFilter { Language = "en" }));
        Assert.Equal(Sorted(quake, analysis), (await SearchUrls("japan", new ArticleFilter { Tag = "EARTHQUAKE" })).Order(StringComparer.Ordinal));
        Assert.Equal([analysis], await SearchUrls("japan", new ArticleFilter { Tag = "science" }));
        Assert.Equal(Sorted(quake, copy), (await SearchUrls("japan", new ArticleFilter { Author = "yamaguchi" })).Order(StringComparer.Ordinal));
        Assert.Equal([markets], await SearchUrls("tokyo", new ArticleFilter { Author = "Bo Chan" }));
    }

    [StoreFact]
    public async Task SortsByNewestAndPages()
    {
        await Store.SaveAsync(StoreSamples.All());
        var newest = await SearchUrls("japan OR tokyo OR quake", sort: SearchSort.Newest);
        Assert.Equal([StoreSamples.QuakeAnalysis().Url!, StoreSamples.Markets().Url!, StoreSamples.QuakeCopy().Url!, StoreSamples.Quake().Url!], newest);
        Assert.Equal(newest.Skip(1).Take(2), await SearchUrls("japan OR tokyo OR quake", sort: SearchSort.Newest, limit: 2, offset: 1));
    }

    [StoreFact]
    public async Task SnippetsHighlightTheMatchedWords()
    {
        await Store.SaveAsync(StoreSamples.All());
        var hit = Assert.Single(await Store.SearchAsync(new SearchRequest("seismologists")));
        Assert.Contains($"{SearchHit.HighlightStart}Seismologists{SearchHit.HighlightEnd}", hit.Snippet);
        Assert.True(hit.Score > 0);
    }

    [StoreFact]
    public async Task QueriesAreDataNeverSql()
    {
        await Store.SaveAsync(StoreSamples.All());
        Assert.Empty(await SearchUrls("'; DROP TABLE articles; -- \" OR 1=1 --\""));
        Assert.Empty(await SearchUrls("x' OR '1'='1"));
        await Assert.ThrowsAsync<SearchQueryException>(() => SearchUrls("x') OR ('1'='1"));
        Assert.Equal(5, (await Store.GetStatisticsAsync(ArticleFilter.None)).Articles);
        Assert.Empty(await SearchUrls("japan", new ArticleFilter { Site = "' OR '1'='1", Tag = "'; DROP TABLE articles; --" }));
        Assert.Equal(5, (await Store.GetStatisticsAsync(ArticleFilter.None)).Articles);
    }

    [StoreFact]
    public async Task AMalformedQueryIsRejectedWithAMessage()
    {
        await Store.SaveAsync(StoreSamples.All());
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => Store.SearchAsync(new SearchRequest("\"tsunami warning")));
        Assert.Contains("not closed", error.Message);
        await Assert.ThrowsAsync<SearchQueryException>(() => Store.SearchAsync(new SearchRequest("-japan")));
    }

    [StoreFact]
    public async Task CostlyQueriesAreRefusedAndQueriesAtTheLimitsRun()
    {
        await Store.SaveAsync(StoreSamples.All());
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => SearchUrls(string.Join(' ', Enumerable.Repeat("c*", 60))));
        Assert.Contains("at least 3 letters", error.Message);
        error = await Assert.ThrowsAsync<SearchQueryException>(() => SearchUrls(string.Join(' ', Enumerable.Repeat("tsu*", SearchQuery.MaxPrefixTerms + 1))));
        Assert.Contains("prefix words", error.Message);
        Assert.NotEmpty(await SearchUrls(string.Join(' ', Enumerable.Repeat("tsu*", SearchQuery.MaxPrefixTerms))));
    }

    [StoreFact]
    public async Task TheCallersCancellationStaysACancellationNotATimeout()
    {
        await Store.SaveAsync(StoreSamples.All());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SearchAsync(new SearchRequest("tsunami"), cancelled.Token));
    }

    [StoreFact]
    public async Task LinksEditedCopiesIntoOneStoryAndKeepsOtherArticlesApart()
    {
        var first = await Store.SaveAsync([StoreSamples.Quake(), StoreSamples.QuakeAnalysis()]);
        Assert.Equal(0, first.LinkedToStories);
        var second = await Store.SaveAsync([StoreSamples.QuakeCopy(), StoreSamples.Markets()]);
        Assert.Equal(1, second.LinkedToStories);

        var quake = (await Store.GetAsync(StoreSamples.Quake().Url!))!;
        var copy = (await Store.GetAsync(StoreSamples.QuakeCopy().Url!))!;
        var analysis = (await Store.GetAsync(StoreSamples.QuakeAnalysis().Url!))!;
        Assert.Equal(quake.StoryId, copy.StoryId);
        Assert.NotEqual(quake.StoryId, analysis.StoryId);

        var stories = await Store.GetStoriesAsync(ArticleFilter.None, 10);
        Assert.Equal(3, stories.Count);
        Assert.Equal(quake.StoryId, stories[0].Id);
        Assert.Equal(2, stories[0].Copies);
        Assert.Equal(2, stories[0].Sites);
        Assert.Equal(StoreSamples.Quake().Title, stories[0].Title);
        Assert.Equal([quake.Id, copy.Id], (await Store.GetStoryAsync(quake.StoryId)).Select(s => s.Id));
        Assert.Equal(3, (await Store.GetStatisticsAsync(ArticleFilter.None)).Stories);
    }

    [StoreFact]
    public Task LinksCrowdedStoriesByTheSameCandidateRuleAsTheReference() => LinkCrowdedStoriesAsync(_ => Task.CompletedTask);

    /// <summary>How many rows the band index holds (SQLite keeps the newest records' keys in a table of their own).</summary>
    protected virtual string BandRowsSql => "SELECT COUNT(*) FROM story_bands";

    /// <summary>The crowded-stories check, with <paramref name="afterBatch"/> run after each batch (given its number).</summary>
    protected async Task LinkCrowdedStoriesAsync(Func<int, Task> afterBatch)
    {
        // Two wire stories run by 45 sites each, interleaved: every band key of a copy is shared by more earlier
        // copies than the candidate rule reads, in the store and within a batch; then copies are rewritten, one of them
        // twice in one batch (the first version must leave no trace in the band index), and more copies come.
        var random = new Random(5);
        string[] wires = [StoryText(random), StoryText(random)];
        var records = new List<Article>();
        for (var i = 0; i < 90; i++)
            records.Add(new Article { Url = $"https://site{i}.example/story", Text = i < 2 ? wires[i] : EditedCopy(wires[i % 2], random) });
        records.Add(new Article { Url = "https://site7.example/story", Text = StoryText(random) });
        records.Add(new Article { Url = "https://site8.example/story", Text = wires[0] });
        records.Add(new Article { Url = "https://site4.example/story", Text = EditedCopy(wires[1], random) });
        records.Add(new Article { Url = "https://site4.example/story", Text = StoryText(random) });
        records.Add(new Article { Url = "https://site3.example/story", Text = "too short for a signature" });
        for (var i = 90; i < 96; i++)
            records.Add(new Article { Url = $"https://site{i}.example/story", Text = EditedCopy(wires[i % 2], random) });

        for (var i = 0; i < records.Count; i += 9)
        {
            await Store.SaveAsync(records.Skip(i).Take(9).ToList());
            await afterBatch(i / 9);
        }

        var expected = ReferenceStories(records);
        for (var i = 0; i < records.Count; i++)
        {
            var stored = (await Store.GetAsync(records[i].Url!))!;
            var lead = (await Store.GetStoryAsync(stored.StoryId)).First(s => s.Id == stored.StoryId);
            Assert.Equal(expected[records[i].Url!], lead.Article.Url);
        }
        var largest = expected.Values.GroupBy(lead => lead).Select(g => g.Count()).OrderDescending().Take(2);
        var stories = await Store.GetStoriesAsync(ArticleFilter.None, 10);
        Assert.Equal(largest, stories.Take(2).Select(s => s.Copies));
        Assert.True(stories[0].Copies > StoryMatcher.CandidatesPerBandKey);
        // The band index holds each record's current keys only.
        await using var connection = await Store.OpenConnectionAsync();
        await using var bands = connection.CreateCommand();
        bands.CommandText = BandRowsSql;
        var signed = records.Select(r => r.Url!).Distinct().Count(url => MinHash.Signature(records.Last(r => r.Url == url).Text) is not null);
        Assert.Equal(signed * MinHash.Bands, Convert.ToInt64(await bands.ExecuteScalarAsync()));
    }

    /// <summary>
    /// What <see cref="StoryMatcher"/>'s rule links, worked out in memory: each record in order (an update keeps its
    /// place) compared with the newest <see cref="StoryMatcher.CandidatesPerBandKey"/> records of each of its band keys.
    /// Returns each URL's story lead (the URL of the story's first record).
    /// </summary>
    private static Dictionary<string, string> ReferenceStories(IReadOnlyList<Article> records)
    {
        var ids = new Dictionary<string, int>();
        var urls = new List<string>();
        var stories = new List<int>();
        var signatures = new List<uint[]?>();
        var buckets = new Dictionary<long, SortedSet<int>>();
        var keys = new long[MinHash.Bands];
        foreach (var record in records)
        {
            if (!ids.TryGetValue(record.Url!, out var id))
            {
                ids[record.Url!] = id = urls.Count;
                urls.Add(record.Url!);
                stories.Add(id);
                signatures.Add(null);
            }
            else if (signatures[id] is { } old)
            {
                MinHash.BandKeys(old, keys);
                foreach (var key in keys)
                    buckets[key].Remove(id);
            }
            var signature = MinHash.Signature(record.Text);
            signatures[id] = signature;
            stories[id] = id;
            if (signature is null)
                continue;
            MinHash.BandKeys(signature, keys);
            var candidates = new List<StoryCandidate>();
            var seen = new HashSet<int> { id };
            foreach (var key in keys)
                if (buckets.TryGetValue(key, out var bucket))
                    foreach (var other in bucket.Reverse().Take(StoryMatcher.CandidatesPerBandKey))
                        if (seen.Add(other))
                            candidates.Add(new StoryCandidate(other, stories[other], signatures[other]!));
            if (StoryMatcher.BestMatch(signature, candidates, new StoreOptions().StoryThreshold) is { } match)
                stories[id] = (int)match.StoryId;
            foreach (var key in keys)
            {
                if (!buckets.TryGetValue(key, out var bucket))
                    buckets[key] = bucket = [];
                bucket.Add(id);
            }
        }
        return urls.Select((url, i) => (url, lead: urls[stories[i]])).ToDictionary(p => p.url, p => p.lead);
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "po", "si", "de", "vu", "ba", "zo"];

    /// <summary>Eighty made-up words: no two texts share more than chance shingles.</summary>
    private static string StoryText(Random random) =>
        string.Join(' ', Enumerable.Range(0, 80).Select(_ => string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]))));

    private static string EditedCopy(string text, Random random) =>
        string.Join(' ', text.Split(' ').Select(w => random.NextDouble() < 0.04 ? "edited" : w));

    [StoreFact]
    public async Task NewestFirstPagesAWordInEveryRecordByDate()
    {
        // More matches than a newest-first search reads whole (it walks the date index instead), dates out of storing order.
        var random = new Random(3);
        var records = Enumerable.Range(0, 5_200).Select(i => new Article
        {
            Url = $"https://many.example/{i}",
            Title = $"Harbour note {i}",
            Text = "The harbour opened.",
            Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(1_000_000)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            Section = i % 7 == 0 ? "ports" : "news",
        }).ToList();
        for (var i = 0; i < records.Count; i += 1_000)
            await Store.SaveAsync(records.Skip(i).Take(1_000).ToList());

        var byDate = records.OrderByDescending(r => DateTimeOffset.Parse(r.Published!)).ThenByDescending(r => int.Parse(r.Url!.Split('/')[^1])).ToList();
        Assert.Equal(byDate.Skip(3).Take(5).Select(r => r.Url), await SearchUrls("harbour", sort: SearchSort.Newest, limit: 5, offset: 3));
        Assert.Equal(byDate.Where(r => r.Section == "ports").Take(4).Select(r => r.Url),
            await SearchUrls("harbour", new ArticleFilter { Tag = "ports" }, SearchSort.Newest, limit: 4));
        Assert.Empty(await SearchUrls("harbour", new ArticleFilter { Language = "xx" }, SearchSort.Newest));
        var hit = (await Store.SearchAsync(new SearchRequest("\"the harbour\"") { Sort = SearchSort.Newest, Limit = 1 }))[0];
        Assert.True(hit.Score > 0);
        Assert.Contains(SearchHit.HighlightStart, hit.Snippet);
    }

    /// <summary>
    /// 4,000 short records holding "harbour", on sites of every size: a large one, a domain with subdomains two levels
    /// deep, a record naming the site only by its site name, a look-alike domain, and a tiny site. The SQLite store
    /// answers a site filter through the site's ids (walking a small site's ids, or checking a large one's against the
    /// matches): each way must keep exactly the records the filter names.
    /// </summary>
    private static List<Article> SiteRecords() => Enumerable.Range(0, 4_000).Select(i =>
    {
        var (domain, name) = (i % 2, i % 10, i % 50, i % 1000) switch
        {
            (0, _, _, _) => ("big.example", "Big"),
            (_, 1, _, _) => ("news.small.example", null),
            (_, 3, _, _) => ("deep.news.small.example", null),
            (_, _, 5, _) => ("small.example", null),
            (_, _, 7, _) => ("elsewhere.example", "Small.EXAMPLE"),
            (_, _, 9, _) => ("notsmall.example", null),
            (_, _, 15, 15 or 215 or 415) => ("tiny.example", null),
            (_, _, 15, 615) => ("a.tiny.example", null),
            (_, _, 17, 17) => ("elsewhere.example", "Tiny.Example"),
            _ => ("other.example", null),
        };
        return new Article
        {
            Url = $"https://{domain}/{i}",
            SourceDomain = domain,
            SiteName = name,
            Title = $"Note {i}",
            Text = i % 3 == 0 ? $"The harbour opened at {i}." : $"The harbour closed at {i}.",
            Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 7 % 4_000).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            Section = i % 4 == 1 ? "ports" : "news",
        };
    }).ToList();

    private static bool OnSite(Article article, string site) =>
        article.SourceDomain == site || article.SourceDomain!.EndsWith("." + site, StringComparison.Ordinal)
        || string.Equals(article.SiteName, site, StringComparison.OrdinalIgnoreCase);

    [StoreFact]
    public async Task ASiteFilterKeepsTheSiteItsSubdomainsAndItsSiteNameWhateverTheSiteSize()
    {
        var records = SiteRecords();
        for (var i = 0; i < records.Count; i += 1_000)
            await Store.SaveAsync(records.Skip(i).Take(1_000).ToList());

        foreach (var site in new[] { "big.example", "small.example", "tiny.example", "Tiny.Example", "news.small.example", "nowhere.example" })
        {
            var expected = records.Where(r => OnSite(r, site.ToLowerInvariant()) || string.Equals(r.SiteName, site, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Url!).Order(StringComparer.Ordinal).ToList();
            foreach (var (query, sort) in new[] { ("harbour", SearchSort.Relevance), ("opened", SearchSort.Relevance), ("harbour", SearchSort.Newest) })
            {
                var matching = query == "opened" ? records.Where(r => r.Text!.Contains("opened")).Select(r => r.Url!).ToHashSet() : null;
                var want = matching is null ? expected : expected.Where(matching.Contains).ToList();
                Assert.Equal(want, (await SearchUrls(query, new ArticleFilter { Site = site }, sort, limit: 5_000)).Order(StringComparer.Ordinal));
            }
            var ports = records.Where(r => r.Section == "ports").Select(r => r.Url!).ToHashSet();
            Assert.Equal(expected.Where(ports.Contains), (await SearchUrls("harbour", new ArticleFilter { Site = site, Tag = "ports" }, limit: 5_000)).Order(StringComparer.Ordinal));
        }
        // A page is the best-ranked of the site's newest ranked matches, as without the site's index.
        var page = await Store.SearchAsync(new SearchRequest("harbour opened") { Filter = new ArticleFilter { Site = "tiny.example" }, Limit = 2 });
        Assert.Equal(2, page.Count);
        Assert.All(page, hit => Assert.True(OnSite(hit.Stored.Article, "tiny.example")));
    }

    [StoreFact]
    public async Task APrefixMatchesEveryWordItCoversAloneInPhrasesAndExcluded()
    {
        await Store.SaveAsync(
        [
            new Article { Url = "https://port.example/1", Title = "Harbour", Text = "The old harbour at dawn." },
            new Article { Url = "https://port.example/2", Title = "Masters", Text = "The harbourmaster spoke." },
            new Article { Url = "https://port.example/3", Title = "Both", Text = "Harbours old and new; harbour fees." },
            new Article { Url = "https://port.example/4", Title = "Other", Text = "A harvest of apples." },
            new Article { Url = "https://port.example/5", Title = "Codes", Text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"cod{i}")) },
            new Article { Url = "https://port.example/6", Title = "One code", Text = "The cod17 entry." },
        ]);
        Assert.Equal(["https://port.example/1", "https://port.example/2", "https://port.example/3"], (await SearchUrls("harbo*")).Order(StringComparer.Ordinal));
        Assert.Equal(["https://port.example/1", "https://port.example/2", "https://port.example/3", "https://port.example/4"], (await SearchUrls("har*")).Order(StringComparer.Ordinal));
        Assert.Equal(["https://port.example/1"], await SearchUrls("old-harb*"));
        Assert.Equal(["https://port.example/1", "https://port.example/3"], (await SearchUrls("harbo* -harbourm*")).Order(StringComparer.Ordinal));
        Assert.Equal(["https://port.example/4"], await SearchUrls("harv* OR zzz*"));
        // More words than a prefix is spelled out as: still every record holding one.
        Assert.Equal(["https://port.example/5", "https://port.example/6"], (await SearchUrls("cod*")).Order(StringComparer.Ordinal));
        Assert.Equal(["https://port.example/1", "https://port.example/2", "https://port.example/3"], (await SearchUrls("harbo*", sort: SearchSort.Newest)).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task CollapsedSearchShowsOneResultPerStoryWithItsCopies()
    {
        await Store.SaveAsync(StoreSamples.All());
        var plain = await Store.SearchAsync(new SearchRequest("tsunami"));
        Assert.Equal(2, plain.Count);
        var collapsed = await Store.SearchAsync(new SearchRequest("tsunami") { Collapse = true });
        var hit = Assert.Single(collapsed);
        Assert.Equal(2, hit.StoryCopies);
    }

    [StoreFact]
    public async Task UpdatingACopySoThatItNoLongerMatchesLeavesTheStory()
    {
        await Store.SaveAsync([StoreSamples.Quake(), StoreSamples.QuakeCopy()]);
        var rewritten = StoreSamples.QuakeCopy();
        rewritten.Text = StoreSamples.QuakeAnalysis().Text + "\nA second paragraph of entirely new words to be sure nothing is shared.";
        await Store.SaveAsync([rewritten]);
        var quake = (await Store.GetAsync(StoreSamples.Quake().Url!))!;
        var copy = (await Store.GetAsync(rewritten.Url!))!;
        Assert.NotEqual(quake.StoryId, copy.StoryId);
        Assert.Single(await Store.GetStoryAsync(quake.StoryId));
    }

    [StoreFact]
    public async Task ExportsEveryRecordOrFilteredOnes()
    {
        await Store.SaveAsync(StoreSamples.All());
        var all = await Store.ExportAsync(ArticleFilter.None).ToListAsync();
        Assert.Equal(StoreSamples.All().Select(a => a.Url), all.Select(s => s.Article.Url));
        var german = await Store.ExportAsync(new ArticleFilter { Language = "de" }).ToListAsync();
        Assert.Equal([StoreSamples.German().Url], german.Select(s => s.Article.Url));
    }

    [StoreFact]
    public async Task CountsBySiteLanguageAndDay()
    {
        await Store.SaveAsync(StoreSamples.All());
        var stats = await Store.GetStatisticsAsync(ArticleFilter.None);
        Assert.Equal(5, stats.Articles);
        Assert.Equal(5, stats.BySite.Count);
        Assert.Equal(new KeyValuePair<string, long>("en", 4), stats.ByLanguage[0]);
        Assert.Equal(new KeyValuePair<string, long>("de", 1), stats.ByLanguage[1]);
        Assert.Equal(
            [new("2024-01-01", 2), new("2024-01-02", 1), new("2024-01-03", 1), new("2024-01-04", 1)],
            stats.ByDay);
        var filtered = await Store.GetStatisticsAsync(new ArticleFilter { Tag = "japan" });
        Assert.Equal(3, filtered.Articles);
    }

    [StoreFact]
    public async Task CountsPerDayForTheLargestSites()
    {
        Article Record(string site, int n, string day, string language = "en") => new()
        {
            Url = $"https://{site}/{n}", SourceDomain = site, Title = $"Note {n}", Text = $"Words of note {n} from {site}.",
            Published = day + "T09:00:00Z", Language = language,
        };
        await Store.SaveAsync([
            Record("big.example", 1, "2024-03-01"), Record("big.example", 2, "2024-03-01"), Record("big.example", 3, "2024-03-02"),
            Record("big.example", 4, "2024-03-05", "de"), Record("mid.example", 5, "2024-03-02"), Record("mid.example", 6, "2024-03-02"),
            Record("small.example", 7, "2024-03-01"),
        ]);

        Assert.Equal(
            [new("big.example", "2024-03-01", 2), new("big.example", "2024-03-02", 1), new("big.example", "2024-03-05", 1),
                new("mid.example", "2024-03-02", 2)],
            await Store.GetCoverageAsync(ArticleFilter.None, 2));
        var english = new ArticleFilter { Language = "en", Since = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero) };
        Assert.Equal([new("mid.example", "2024-03-02", 2), new("big.example", "2024-03-02", 1)], await Store.GetCoverageAsync(english, 5));
        Assert.Equal([new("small.example", "2024-03-01", 1)], await Store.GetCoverageAsync(new ArticleFilter { Site = "small.example" }, 5));
    }

    [StoreFact]
    public async Task ReadsARecordByItsId()
    {
        await Store.SaveAsync(StoreSamples.All());
        var alias = StoreSamples.Markets().Url + "?p=2";
        Assert.True(await Store.AddAliasAsync(StoreSamples.Markets().Url!, alias));
        var stored = (await Store.GetAsync(StoreSamples.Markets().Url!))!;
        var byId = (await Store.GetByIdAsync(stored.Id))!;
        Assert.Equal(stored.Article.Url, byId.Article.Url);
        Assert.Equal(stored.Article.Text, byId.Article.Text);
        Assert.Equal([alias], byId.Aliases);
        Assert.Null(await Store.GetByIdAsync(987_654));
    }

    [StoreFact]
    public async Task OtherStagesKeepTheirOwnVersionedTablesInTheSameDatabase()
    {
        SchemaMigration[] v1 = [new(1, Sqlite: "CREATE TABLE test_frontier (url TEXT PRIMARY KEY)", PostgreSql: "CREATE TABLE test_frontier (url text PRIMARY KEY)")];
        await Store.MigrateAsync("test-frontier", v1);
        await using (var connection = await Store.OpenConnectionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO test_frontier (url) VALUES ('https://a.example/')";
            await insert.ExecuteNonQueryAsync();
        }
        await Store.DisposeAsync();

        // A newer version of that stage adds a column; the row written before survives.
        SchemaMigration[] v2 = [.. v1, new(2, Sqlite: "ALTER TABLE test_frontier ADD COLUMN depth INTEGER NOT NULL DEFAULT 0", PostgreSql: "ALTER TABLE test_frontier ADD COLUMN depth integer NOT NULL DEFAULT 0")];
        Store = await ArticleStores.OpenAsync(Location);
        await Store.MigrateAsync("test-frontier", v2);
        await Store.MigrateAsync("test-frontier", v2); // running it again changes nothing
        await using (var connection = await Store.OpenConnectionAsync())
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT url, depth FROM test_frontier";
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("https://a.example/", reader.GetString(0));
            Assert.Equal(0, Convert.ToInt32(reader.GetValue(1)));
        }

        // An older Gleaner (knowing only v1) refuses to use tables it does not understand.
        var error = await Assert.ThrowsAsync<StoreException>(() => Store.MigrateAsync("test-frontier", v1));
        Assert.Contains("newer", error.Message);
    }

    [StoreFact]
    public async Task ReopeningAStoreKeepsItsRecords()
    {
        await Store.SaveAsync(StoreSamples.All());
        await Store.DisposeAsync();
        Store = await ArticleStores.OpenAsync(Location);
        Assert.Equal(5, (await Store.GetStatisticsAsync(ArticleFilter.None)).Articles);
        Assert.Equal(2, (await SearchUrls("tsunami")).Count);
    }

    [StoreFact]
    public async Task TwoWritersAtOnceLoseNothingAndDuplicateNothing()
    {
        await using var other = await ArticleStores.OpenAsync(Location);
        static List<Article> Batch(int from, int count) => Enumerable.Range(from, count).Select(i => new Article
        {
            Url = $"https://load.example/{i}",
            Title = $"Record {i}",
            Text = $"Body of record number {i} with some words about harbours, weather and trains.",
        }).ToList();

        // Overlapping ranges: 0-299 and 200-499, in batches of 50, at the same time.
        var first = Task.Run(async () => { for (var i = 0; i < 300; i += 50) await Store.SaveAsync(Batch(i, 50)); });
        var second = Task.Run(async () => { for (var i = 200; i < 500; i += 50) await other.SaveAsync(Batch(i, 50)); });
        await Task.WhenAll(first, second);

        var urls = await Store.ExportAsync(ArticleFilter.None).Select(s => s.Article.Url).ToListAsync();
        Assert.Equal(500, urls.Count);
        Assert.Equal(500, urls.Distinct().Count());
    }
}

public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    private string _folder = "";

    protected override Task<string> CreateLocationAsync()
    {
        _folder = Directory.CreateTempSubdirectory("gleaner-store-").FullName;
        return Task.FromResult(Path.Combine(_folder, "test.db"));
    }

    protected override Task DeleteLocationAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override string BandRowsSql => "SELECT (SELECT COUNT(*) FROM story_bands) + (SELECT COUNT(*) FROM story_bands_new)";

    [Fact]
    public async Task LinksCrowdedStoriesAlikeWhenTheNewestBandKeysMoveToTheMainTableBetweenBatches()
    {
        // Moved after some batches and not others: candidates come from both tables, updates leave both, and the rule holds.
        await LinkCrowdedStoriesAsync(batch => batch % 3 == 1 ? ((SqliteArticleStore)Store).MergeBandsAsync() : Task.CompletedTask);
        await using var connection = await Store.OpenConnectionAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT (SELECT COUNT(*) FROM story_bands), (SELECT COUNT(*) FROM story_bands_new)";
        await using var reader = await tables.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetInt64(0) > 0 && reader.GetInt64(1) > 0, "both band tables hold keys after the run");
    }

    [Fact]
    public async Task UsesWriteAheadLogging()
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MigratesAVersionOneStoreForwardKeepingRecordsSearchAndStories()
    {
        // A store as Gleaner wrote it with schema version 1: signatures in the articles table.
        await Store.DisposeAsync();
        File.Delete(Location);
        var original = StoreSamples.Quake();
        var signature = MinHash.Signature(original.Text)!;
        var keys = new long[MinHash.Bands];
        MinHash.BandKeys(signature, keys);
        await using (var connection = new SqliteConnection($"Data Source={Location};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = StoreSchema.Migrations[0].Sqlite + """
                ;
                CREATE TABLE gleaner_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
                INSERT INTO gleaner_schema VALUES ('store', 1);
                INSERT INTO articles (id, url, title, text, published_at, first_seen, last_saved, signature, story_id)
                    VALUES (7, @url, @title, @text, 1704093000, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', @signature, 7);
                INSERT INTO story_bands (band_key, article_id) SELECT value, 7 FROM json_each(@keys);
                """;
            command.Parameters.AddWithValue("@url", original.Url);
            command.Parameters.AddWithValue("@title", original.Title);
            command.Parameters.AddWithValue("@text", original.Text);
            command.Parameters.AddWithValue("@signature", MinHash.ToBytes(signature));
            command.Parameters.AddWithValue("@keys", "[" + string.Join(",", keys) + "]");
            await command.ExecuteNonQueryAsync();
        }

        Store = await ArticleStores.OpenAsync(Location);
        var stored = (await Store.GetAsync(original.Url!))!;
        Assert.Equal(7, stored.Id);
        Assert.Equal(original.Text, stored.Article.Text);
        Assert.Null(stored.Article.CanonicalUrl);
        Assert.Equal(original.Url, Assert.Single(await Store.SearchAsync(new SearchRequest("tsunami"))).Stored.Article.Url);
        // The signature moved with the record: a copy saved now joins its story.
        Assert.Equal(1, (await Store.SaveAsync([StoreSamples.QuakeCopy()])).LinkedToStories);
        Assert.Equal(7, (await Store.GetAsync(StoreSamples.QuakeCopy().Url!))!.StoryId);
        await using var check = await Store.OpenConnectionAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT version FROM gleaner_schema WHERE component = 'store'";
        Assert.Equal(SchemaVersions.Latest(StoreSchema.Migrations), Convert.ToInt32(await version.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task APrefixSpelledOutAsItsWordsRanksAsFts5sOwnPrefixRead()
    {
        await Store.SaveAsync(Enumerable.Range(0, 30).Select(i => new Article
        {
            Url = $"https://port.example/{i}",
            Title = i % 4 == 0 ? "Harbour news" : "Port news",
            Text = string.Join(' ', Enumerable.Repeat(i % 3 == 0 ? "harbours" : i % 3 == 1 ? "harbourmaster harbour" : "harbor", 1 + i % 5)) + $" note{i}.",
        }).ToList());
        var hits = await Store.SearchAsync(new SearchRequest("harbo*") { Limit = 100 });

        await using var connection = (SqliteConnection)await Store.OpenConnectionAsync();
        Gleaner.Storage.Sqlite.Fts5Ranking.Register(connection);
        var expanded = await new Gleaner.Storage.Sqlite.Fts5PrefixWords(connection).ExpandAsync("\"harbo\" *", default);
        Assert.Equal("(\"harbor\" OR \"harbour\" OR \"harbourmaster\" OR \"harbours\")", expanded.Expression);
        await using var command = connection.CreateCommand();
        // FTS5's own prefix read (merging the words' lists), weighed as the store weighs a prefix: 1 record in 100.
        command.CommandText = "SELECT rowid, gleaner_bm25(articles_fts, 1, 100) AS score FROM articles_fts WHERE articles_fts MATCH '\"harbo\" *' ORDER BY score, rowid";
        var reference = new List<(long Id, double Score)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                reference.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        Assert.Equal(30, reference.Count);
        Assert.Equal(reference, hits.Select(h => (h.Stored.Id, h.Score)));
    }

    [Fact]
    public async Task APageOfAQueryOfSeveralListsReadsTheScoresAndSnippetsOfItsSpreadHitsAsEachHitAlone()
    {
        // 60 records 100 ids apart, each holding one of four words "harbo*" spells out: a page of 20 spans about 2,000
        // ids, read as one range of the index for a query of four lists (a lookup per hit for one word).
        string[] words = ["harbor", "harbour", "harbours", "harbourmaster"];
        await WriteStraightIntoTheTableAsync("spread.example", "language", Enumerable.Range(1, 60).Select(i =>
            ((long)i * 100, 1_704_067_200L + i, $"Note {i}. The {words[i % 4]} " + string.Concat(Enumerable.Repeat(" quay", i % 7)) + $" {words[(i + 1) % 4]} closed.", "en", (long)i * 100)));
        foreach (var query in new[] { "harbo*", "harbour OR harbor OR harbours OR harbourmaster" })
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
            {
                var page = await Store.SearchAsync(new SearchRequest(query) { Sort = sort, Limit = 20, Offset = 5 });
                Assert.Equal(20, page.Count);
                Assert.True(page.Max(h => h.Stored.Id) - page.Min(h => h.Stored.Id) > 32 * 20, "the page's hits are not spread");
                for (var i = 0; i < page.Count; i++)
                {
                    var alone = Assert.Single(await Store.SearchAsync(new SearchRequest(query) { Sort = sort, Limit = 1, Offset = 5 + i }));
                    Assert.Equal((alone.Stored.Id, alone.Score, alone.Snippet), (page[i].Stored.Id, page[i].Score, page[i].Snippet));
                    Assert.Contains(SearchHit.HighlightStart, page[i].Snippet);
                }
            }
        }
    }

    /// <summary>
    /// Writes records straight into the articles table in one transaction (the full write path would take minutes for
    /// the tens of thousands some search tests need): each with its id, publication time, text, one more column's value
    /// and story.
    /// </summary>
    private async Task WriteStraightIntoTheTableAsync(string host, string column, IEnumerable<(long Id, long Published, string Text, string Value, long Story)> records)
    {
        await using var connection = (SqliteConnection)await Store.OpenConnectionAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO articles (id, url, title, text, published, published_at, {column}, story_id, first_seen, last_saved)
            VALUES (@id, 'https://{host}/' || @id, 'Note', @text, '2024', @published, @value, @story, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')
            """;
        var id = insert.Parameters.Add("@id", SqliteType.Integer);
        var text = insert.Parameters.Add("@text", SqliteType.Text);
        var published = insert.Parameters.Add("@published", SqliteType.Integer);
        var value = insert.Parameters.Add("@value", SqliteType.Text);
        var story = insert.Parameters.Add("@story", SqliteType.Integer);
        foreach (var record in records)
        {
            (id.Value, text.Value, published.Value, value.Value, story.Value) = (record.Id, record.Text, record.Published, record.Value, record.Story);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task RelevancePagesWhoseLowRankedMatchesAreBoundedNotScoredEqualPagesOfEveryMatchScored()
    {
        // 400 records, "harbour" in all: in the title of some, 1-6 times in texts of 10-400 words, early or late (a late
        // last occurrence bounds a record's length closely, an early one loosely); stories of 4, two languages. Pages of up
        // to Fts5Ranking.MaxTop hits bound the scores of matches that cannot reach them; a page of 500 scores every match.
        var random = new Random(3);
        var records = Enumerable.Range(1, 400).Select(id =>
        {
            var filler = random.Next(10, 400);
            var occurrences = 1 + random.Next(6);
            var late = random.Next(2) == 0;
            var words = string.Concat(Enumerable.Repeat(" harbour", late ? 0 : occurrences)) + string.Concat(Enumerable.Repeat(" filler", filler))
                + string.Concat(Enumerable.Repeat(" harbour", late ? occurrences : 0));
            return (Id: (long)id, Published: 1_704_067_200L + random.Next(50_000_000), Text: (id % 9 == 0 ? "Harbour." : "Note.") + words + ".",
                Language: id % 3 == 0 ? "de" : "en", Story: (long)((id + 3) / 4));
        }).ToList();
        await WriteStraightIntoTheTableAsync("bound.example", "language", records.Select(r => (r.Id, r.Published, r.Text, r.Language, r.Story)));

        foreach (var query in new[] { "harbour", "harbour OR filler" })
        {
            foreach (var filter in new[] { ArticleFilter.None, new ArticleFilter { Language = "en" } })
            {
                var every = (await Store.SearchAsync(new SearchRequest(query) { Filter = filter, Limit = 500 })).Select(h => (h.Stored.Id, h.Score, h.Stored.StoryId)).ToList();
                Assert.Equal(filter == ArticleFilter.None ? 400 : 267, every.Count);
                foreach (var (limit, offset) in new[] { (1, 0), (20, 0), (10, 35), (100, 100) })
                {
                    var page = await Store.SearchAsync(new SearchRequest(query) { Filter = filter, Limit = limit, Offset = offset });
                    Assert.Equal(every.Skip(offset).Take(limit).Select(h => (h.Id, h.Score)), page.Select(h => (h.Stored.Id, h.Score)));
                    var collapsed = await Store.SearchAsync(new SearchRequest(query) { Filter = filter, Collapse = true, Limit = limit, Offset = offset });
                    Assert.Equal(every.DistinctBy(h => h.StoryId).Skip(offset).Take(limit).Select(h => (h.Id, h.Score)), collapsed.Select(h => (h.Stored.Id, h.Score)));
                }
            }
        }

        // Read newest first, the bounded function gives the exact score to each match that can be among the best k met so
        // far and a bound (a higher score, still below the k-th best met) to the others; in any other order every exact score.
        await using var connection = (SqliteConnection)await Store.OpenConnectionAsync();
        Fts5Ranking.Register(connection);
        async Task<List<(long Id, double Exact, double Top)>> Scores(string order)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT rowid, gleaner_bm25(articles_fts, 40, 0), gleaner_bm25_top(articles_fts, 5, rowid, 40, 0)
                FROM articles_fts WHERE articles_fts MATCH 'harbour' ORDER BY rowid {order}
                """;
            var scores = new List<(long, double, double)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                scores.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
            return scores;
        }
        var newestFirst = await Scores("DESC");
        Assert.Equal(400, newestFirst.Count);
        Assert.All(newestFirst, s => Assert.True(s.Top <= s.Exact)); // negative scores: a higher score is a lower value
        var bounded = newestFirst.Count(s => s.Top != s.Exact);
        Assert.InRange(bounded, 100, 395);
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var fifthBest = newestFirst.Take(i).Select(s => s.Exact).Order().Skip(4).FirstOrDefault(double.MaxValue);
            if (newestFirst[i].Top != newestFirst[i].Exact)
                Assert.True(newestFirst[i].Top > fifthBest, $"record {newestFirst[i].Id} was bounded but its bound ranks among the best 5 met");
        }
        Assert.All(await Scores("ASC"), s => Assert.Equal(s.Exact, s.Top));
    }

    [Fact]
    public async Task ACollapsedRelevancePageHoldsTheBestCopyOfEachStoryInRankOrder()
    {
        // Two words (the general ranked path), stories of 3 whose copies rank differently, many scores tied (broken by id).
        var records = Enumerable.Range(1, 300).Select(id => (Id: (long)id, Published: 1_704_067_200L + id,
            Text: string.Join(' ', Enumerable.Repeat("harbour", 1 + id % 5)) + (id % 3 == 0 ? " tide" : "") + " water.",
            Section: id % 2 == 0 ? "ports" : "news", Story: (long)((id + 2) / 3))).ToList();
        await WriteStraightIntoTheTableAsync("rank.example", "section", records.Select(r => (r.Id, r.Published, r.Text, r.Section, r.Story)));

        foreach (var filter in new[] { ArticleFilter.None, new ArticleFilter { Tag = "ports" } })
        {
            var ranked = await Store.SearchAsync(new SearchRequest("harbour OR tide") { Filter = filter, Limit = 500 });
            Assert.Equal(filter == ArticleFilter.None ? 300 : 150, ranked.Count);
            var collapsed = await Store.SearchAsync(new SearchRequest("harbour OR tide") { Filter = filter, Collapse = true, Limit = 10, Offset = 4 });
            Assert.Equal(ranked.DistinctBy(h => h.Stored.StoryId).Skip(4).Take(10).Select(h => (h.Stored.Id, h.Score)),
                collapsed.Select(h => (h.Stored.Id, h.Score)));
            Assert.All(collapsed, hit => Assert.Equal(3, hit.StoryCopies));
        }
    }

    [Fact]
    public async Task NewestFirstPagesAreTheSameWhicheverWayTheMatchesAreWalked()
    {
        // 24,000 records written straight into the tables (the full write path would take minutes): "harbour" in all
        // (more matches than newest-first holds as ids: the date walk checking chunks), "opened" in 1 in 4 (ids held, the
        // date index walked alone) and "closed" in 1 in 40 (rows read and sorted); dates out of id order, stories of 3.
        var random = new Random(5);
        var records = Enumerable.Range(1, 24_000).Select(id => (Id: id, Published: 1_704_067_200L + random.Next(50_000_000),
            Text: id % 40 == 0 ? "The harbour closed." : id % 4 == 0 ? "The harbour opened." : "The harbour.", Section: id % 7 == 0 ? "ports" : "news", Story: (id + 2) / 3)).ToList();
        await WriteStraightIntoTheTableAsync("many.example", "section", records.Select(r => ((long)r.Id, r.Published, r.Text, r.Section, (long)r.Story)));

        foreach (var word in new[] { "harbour", "opened", "closed" })
        {
            var matching = records.Where(r => r.Text.Contains(word)).OrderByDescending(r => r.Published).ThenByDescending(r => r.Id).ToList();
            async Task<List<long>> Page(ArticleFilter filter, bool collapse, int limit, int offset) =>
                (await Store.SearchAsync(new SearchRequest(word) { Sort = SearchSort.Newest, Filter = filter, Collapse = collapse, Limit = limit, Offset = offset }))
                    .Select(h => h.Stored.Id).ToList();
            Assert.Equal(matching.Skip(5).Take(10).Select(r => (long)r.Id), await Page(ArticleFilter.None, false, 10, 5));
            Assert.Equal(matching.Where(r => r.Section == "ports").Take(20).Select(r => (long)r.Id), await Page(new ArticleFilter { Tag = "ports" }, false, 20, 0));
            Assert.Equal(matching.DistinctBy(r => r.Story).Skip(3).Take(7).Select(r => (long)r.Id), await Page(ArticleFilter.None, true, 7, 3));
        }
    }

    [Fact]
    public async Task AOnePhraseQueryWithFewMatchesIsWeighedByItsExactCount()
    {
        // Its ids are read once and counted (no count of its own): the scores are those of the exact count.
        await Store.SaveAsync(Enumerable.Range(0, 40).Select(i => new Article
        {
            Url = $"https://port.example/{i}",
            Title = i % 5 == 0 ? "Old harbour" : "Port",
            Text = i % 2 == 0 ? $"The old harbour at {i}. The old harbour again." : $"The harbour, old, at {i}.",
        }).ToList());
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            var hits = await Store.SearchAsync(new SearchRequest("\"old harbour\"") { Limit = 100, Sort = sort });
            await using var connection = (SqliteConnection)await Store.OpenConnectionAsync();
            Gleaner.Storage.Sqlite.Fts5Ranking.Register(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid, gleaner_bm25(articles_fts, 24, 0) FROM articles_fts WHERE articles_fts MATCH '\"old harbour\"'";
            var reference = new Dictionary<long, double>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    reference[reader.GetInt64(0)] = -reader.GetDouble(1);
            Assert.Equal(24, reference.Count); // 20 texts and 4 more titles
            Assert.Equal(reference.OrderBy(p => p.Key), hits.Select(h => KeyValuePair.Create(h.Stored.Id, h.Score)).OrderBy(p => p.Key));
        }
    }

    [Fact]
    public async Task AOnePhraseQueryWithFewMatchesRanksAndPagesInTheRankingFunctionsOrder()
    {
        // A phrase of 15 matches, ranked in the read that finds them (no filter) or read again (a filter): the order, pages
        // and filtered pages are those of the ranking function with the exact count.
        await Store.SaveAsync(Enumerable.Range(0, 30).Select(i => new Article
        {
            Url = $"https://quay.example/{i}",
            Title = i % 4 == 0 ? "Quay harbour" : "Quay",
            Text = i % 2 == 0 ? $"The harbour at {i}." + string.Concat(Enumerable.Repeat(" The harbour again.", i % 3)) + string.Concat(Enumerable.Repeat(" Filler words.", i)) : $"The quay at {i}.",
            Language = i % 3 == 0 ? "de" : "en",
        }).ToList());
        await using var connection = (SqliteConnection)await Store.OpenConnectionAsync();
        Gleaner.Storage.Sqlite.Fts5Ranking.Register(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.rowid, a.language FROM articles_fts f JOIN articles a ON a.id = f.rowid
            WHERE articles_fts MATCH '"the harbour"' ORDER BY gleaner_bm25(articles_fts, 15, 0), f.rowid
            """;
        var reference = new List<(long Id, string Language)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                reference.Add((reader.GetInt64(0), reader.GetString(1)));
        Assert.Equal(15, reference.Count);
        async Task<List<long>> Ids(SearchRequest request) => (await Store.SearchAsync(request)).Select(h => h.Stored.Id).ToList();
        Assert.Equal(reference.Select(r => r.Id), await Ids(new SearchRequest("\"the harbour\"") { Limit = 100 }));
        Assert.Equal(reference.Skip(5).Take(5).Select(r => r.Id), await Ids(new SearchRequest("\"the harbour\"") { Limit = 5, Offset = 5 }));
        Assert.Equal(reference.Where(r => r.Language == "en").Select(r => r.Id),
            await Ids(new SearchRequest("\"the harbour\"") { Limit = 100, Filter = new ArticleFilter { Language = "en" } }));
        Assert.Empty(await Ids(new SearchRequest("\"the nowhere\"") { Limit = 100 }));
    }

    [Fact]
    public async Task APhraseOfCommonWordsIsSearchedInTheNewestRecordsTheirListsAllowAndAnswersAsAScanOfThem()
    {
        // 400 records written straight into the tables: "harbour" and "said" in every one (800 entries in their lists),
        // the phrase "harbour said" in two of three; "old quay" in one in eight (100 entries). With a limit of 200 entries
        // the first phrase keeps to the newest 100 records (2 entries a record), the second is searched in all.
        var random = new Random(11);
        var records = Enumerable.Range(1, 400).Select(id => (Id: (long)id, Published: 1_704_067_200L + random.Next(50_000_000),
            Text: (id % 3 == 0 ? $"Harbour folk and the ones who said so at {id}." : $"The harbour said at {id}.")
                + string.Concat(Enumerable.Repeat(" The harbour said again.", id % 3 == 0 ? 0 : id % 4))
                + string.Concat(Enumerable.Repeat(" Filler words.", id % 7)) + (id % 8 == 0 ? " An old quay." : ""),
            Language: id % 5 == 0 ? "de" : "en", Story: (long)((id + 2) / 3))).ToList();
        await WriteStraightIntoTheTableAsync("quay.example", "language", records.Select(r => (r.Id, r.Published, r.Text, r.Language, r.Story)));
        await using var store = await ArticleStores.OpenAsync(Location, new StoreOptions { PhraseWordEntries = 200 });
        await using var reference = (SqliteConnection)await store.OpenConnectionAsync();
        Gleaner.Storage.Sqlite.Fts5Ranking.Register(reference);

        foreach (var (phrase, words, floor) in new[] { ("harbour said", new[] { "harbour", "said" }, 300L), ("old quay", ["old", "quay"], 0L) })
        {
            // The scan: the records above the floor whose words hold the phrase; ranked by the ranking function.
            bool Holds(string text)
            {
                var tokens = text.ToLowerInvariant().Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i + words.Length <= tokens.Length; i++)
                    if (tokens.AsSpan(i, words.Length).SequenceEqual(words))
                        return true;
                return false;
            }
            var matching = records.Where(r => r.Id > floor && Holds(r.Text)).ToList();
            Assert.NotEmpty(matching);
            await using var rank = reference.CreateCommand();
            rank.CommandText = $"SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"{phrase}\"' ORDER BY gleaner_bm25(articles_fts, 1, 0), rowid";
            var order = new List<long>();
            await using (var reader = await rank.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    order.Add(reader.GetInt64(0));
            var ranked = order.Where(matching.Select(r => r.Id).ToHashSet().Contains).ToList();
            Assert.Equal(matching.Count, ranked.Count);
            var byId = records.ToDictionary(r => r.Id);

            async Task<List<long>> Ids(string query, SearchSort sort, ArticleFilter? filter = null, bool collapse = false, int limit = 500, int offset = 0) =>
                (await store.SearchAsync(new SearchRequest(query) { Sort = sort, Filter = filter ?? ArticleFilter.None, Collapse = collapse, Limit = limit, Offset = offset }))
                    .Select(h => h.Stored.Id).ToList();
            var quoted = $"\"{phrase}\"";
            Assert.Equal(ranked, await Ids(quoted, SearchSort.Relevance));
            Assert.Equal(ranked.Skip(7).Take(5), await Ids(quoted, SearchSort.Relevance, limit: 5, offset: 7));
            var english = new ArticleFilter { Language = "en" };
            Assert.Equal(ranked.Where(i => byId[i].Language == "en").DistinctBy(i => byId[i].Story).Skip(2),
                await Ids(quoted, SearchSort.Relevance, english, collapse: true, offset: 2));
            var newest = matching.OrderByDescending(r => r.Published).ThenByDescending(r => r.Id).Select(r => r.Id).ToList();
            Assert.Equal(newest, await Ids(quoted, SearchSort.Newest));
            Assert.Equal(newest.Where(i => byId[i].Language == "en").DistinctBy(i => byId[i].Story).Take(9),
                await Ids(quoted, SearchSort.Newest, english, collapse: true, limit: 9));
            // The phrase with other terms: the same matches, found through the general path.
            Assert.Equal(matching.Select(r => r.Id).Order(), (await Ids(quoted + " -zebra", SearchSort.Relevance)).Order());
            Assert.Equal(matching.Where(r => r.Text.Contains("again", StringComparison.Ordinal)).Select(r => r.Id).Order(),
                (await Ids(quoted + " again", SearchSort.Relevance)).Order());
        }
    }

    [Fact]
    public async Task APhraseWindowHoldingMoreMatchesThanARelevanceSearchRanksRanksItsNewest()
    {
        // 2,600 records holding "harbour said" (2 entries a record in the words' lists) and 0-29 more sentences; a limit of
        // 5,000 entries keeps the phrase to the newest 2,500 records (ids above 100), more matches than relevance ranks
        // (2,000): the page comes from the newest 2,000 (ids above 600), and newest-first from the whole window.
        var random = new Random(5);
        var records = Enumerable.Range(1, 2600).Select(id => ((long)id, 1_704_067_200L + random.Next(50_000_000),
            "The harbour said so." + string.Concat(Enumerable.Repeat(" Filler words.", random.Next(30))), id % 5 == 0 ? "de" : "en", (long)id)).ToList();
        await WriteStraightIntoTheTableAsync("window.example", "language", records);
        await using var store = await ArticleStores.OpenAsync(Location, new StoreOptions { PhraseWordEntries = 5_000 });
        await using var reference = (SqliteConnection)await store.OpenConnectionAsync();
        Fts5Ranking.Register(reference);
        await using var rank = reference.CreateCommand();
        rank.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"harbour said\"' AND rowid > 600 ORDER BY gleaner_bm25(articles_fts, 1, 0), rowid LIMIT 30";
        var ranked = new List<long>();
        await using (var reader = await rank.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                ranked.Add(reader.GetInt64(0));
        var relevance = await store.SearchAsync(new SearchRequest("\"harbour said\"") { Limit = 30 });
        Assert.Equal(ranked, relevance.Select(h => h.Stored.Id));
        var newest = records.Where(r => r.Item1 > 100).OrderByDescending(r => r.Item2).ThenByDescending(r => r.Item1).Take(30).Select(r => r.Item1);
        Assert.Equal(newest, (await store.SearchAsync(new SearchRequest("\"harbour said\"") { Sort = SearchSort.Newest, Limit = 30 })).Select(h => h.Stored.Id));
    }

    [Fact]
    public async Task ASiteFilterReadsTheSitesRecordsThroughIndexes()
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT source_domain FROM articles
            WHERE substr(source_domain, instr(source_domain, '.') + 1) = 'example.com' AND source_domain > ''
            ORDER BY substr(source_domain, instr(source_domain, '.') + 1), source_domain LIMIT 1
            """;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("articles_parent_domain", StringComparison.Ordinal));
        command.CommandText = "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE lower(site_name) = lower('Example')";
        plan.Clear();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("articles_site_name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVersionFourStoreGetsTheSiteIndexesAndSaysSoWhileUpgrading()
    {
        await Store.SaveAsync([StoreSamples.Quake(), StoreSamples.QuakeCopy()]);
        await using (var connection = await Store.OpenConnectionAsync())
        {
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = """
                INSERT INTO story_bands SELECT * FROM story_bands_new; DROP TABLE story_bands_new;
                DROP INDEX articles_site_name; DROP INDEX articles_parent_domain; DROP INDEX articles_filters;
                UPDATE gleaner_schema SET version = 4 WHERE component = 'store'
                """;
            await downgrade.ExecuteNonQueryAsync();
        }
        await Store.DisposeAsync();

        var told = new List<string>();
        Store = await ArticleStores.OpenAsync(Location, new StoreOptions { Progress = told.Add });
        Assert.Equal(2, told.Count);
        Assert.Contains($"from schema 4 to {SchemaVersions.Latest(StoreSchema.Migrations)}", told[0]);
        Assert.Contains("upgraded", told[1]);
        Assert.Equal([StoreSamples.QuakeCopy().Url!], (await Store.SearchAsync(new SearchRequest("tsunami") { Filter = new ArticleFilter { Site = "the regional" } })).Select(h => h.Stored.Article.Url));
        await using (var connection = await Store.OpenConnectionAsync())
        {
            await using var indexes = connection.CreateCommand();
            indexes.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('articles_site_name', 'articles_parent_domain')";
            Assert.Equal(2L, await indexes.ExecuteScalarAsync());
        }
        await Store.DisposeAsync();
        told.Clear();
        Store = await ArticleStores.OpenAsync(Location, new StoreOptions { Progress = told.Add });
        Assert.Empty(told); // a current store opens without a word
    }

    [Fact]
    public async Task AVersionSixStoreGetsTheFilterIndexAndFilteredSearchesReadMatchesThroughIt()
    {
        await Store.SaveAsync([StoreSamples.Quake(), StoreSamples.QuakeCopy()]);
        var collapsed = new SearchRequest("tsunami") { Collapse = true, Filter = new ArticleFilter { Language = "en" } };
        var before = (await Store.SearchAsync(collapsed)).Select(h => (h.Stored.Id, h.StoryCopies)).ToList();
        Assert.Equal(2, Assert.Single(before).StoryCopies);
        await using (var connection = await Store.OpenConnectionAsync())
        {
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP INDEX articles_filters; UPDATE gleaner_schema SET version = 6 WHERE component = 'store'";
            await downgrade.ExecuteNonQueryAsync();
        }
        await Store.DisposeAsync();

        var told = new List<string>();
        Store = await ArticleStores.OpenAsync(Location, new StoreOptions { Progress = told.Add });
        Assert.Contains($"from schema 6 to {SchemaVersions.Latest(StoreSchema.Migrations)}", told[0]);
        Assert.Equal(before, (await Store.SearchAsync(collapsed)).Select(h => (h.Stored.Id, h.StoryCopies)).ToList());
        await using (var connection = await Store.OpenConnectionAsync())
        {
            // A match's story, language and date come from the index alone, not the record's row.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                EXPLAIN QUERY PLAN SELECT a.id, a.story_id FROM articles_fts CROSS JOIN articles a INDEXED BY articles_filters ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH 'tsunami' AND a.language = 'en' AND a.published_at >= 0
                """;
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
            Assert.Contains(plan, step => step.Contains("COVERING INDEX articles_filters", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ReadingCommandsDoNotCreateAMissingStore()
    {
        var missing = Path.Combine(_folder, "missing.db");
        var error = await Assert.ThrowsAsync<StoreException>(() => ArticleStores.OpenAsync(missing, new StoreOptions { CreateIfMissing = false }));
        Assert.Contains("missing.db", error.Message);
        Assert.False(File.Exists(missing));
    }
}

public sealed class PostgresArticleStoreTests : ArticleStoreContract, IPostgresTests
{
    private string _schema = "";

    protected override async Task<string> CreateLocationAsync()
    {
        var (connectionString, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        _schema = schema;
        return connectionString;
    }

    protected override Task DeleteLocationAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);

    [StoreFact]
    public async Task StemsEachRecordInItsOwnLanguage()
    {
        await Store.SaveAsync(StoreSamples.All());
        // German stemming finds "Maßnahmen" from "Maßnahme"; English stemming finds "toppling" from "topple".
        Assert.Equal([StoreSamples.German().Url], (await Store.SearchAsync(new SearchRequest("Maßnahme"))).Select(h => h.Stored.Article.Url));
        Assert.Equal(2, (await Store.SearchAsync(new SearchRequest("topple"))).Count);
    }

    [StoreFact]
    public async Task IndexesTheSearchVectorWithGin()
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'articles_search'";
        Assert.Contains("USING gin", (string?)await command.ExecuteScalarAsync());
    }
}
