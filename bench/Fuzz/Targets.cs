using System.Text;
using Gleaner.Archives;
using Gleaner.Discovery;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Formats;
using Gleaner.Storage;
using Gleaner.Storage.Search;

namespace Gleaner.Fuzz;

/// <summary>
/// One library entry point under test: how an input is fed to it, and which exceptions are its documented
/// answer to bad input (anything else is a crash).
/// </summary>
/// <param name="Name">Short name, used in reports and in the names of saved inputs.</param>
/// <param name="Extension">File extension of saved inputs.</param>
/// <param name="Seeds">The inputs mutations start from.</param>
/// <param name="Run">Feeds one input; <paramref name="Run"/>'s second argument is a scratch folder.</param>
/// <param name="IsBadInputAnswer">The exceptions the entry point documents for bad input.</param>
public sealed record FuzzTarget(string Name, string Extension, IReadOnlyList<byte[]> Seeds, Action<byte[], string> Run, Func<Exception, bool> IsBadInputAnswer);

public static class FuzzTargets
{
    private static readonly Uri Base = new("https://news.example/section/page");
    private static readonly string[] RobotsPaths = ["/", "/private/open", "/private/x", "/news/2024/story?print=1", "/search?q=x", "/%E2%82%AC/x", "/a*b$"];

    public static IReadOnlyList<FuzzTarget> All(Seeds seeds, string scratch)
    {
        var extractor = new ArticleExtractor();
        var store = new Lazy<IArticleStore>(() => OpenSearchStore(Path.Combine(scratch, "search.db")));
        return
        [
            // Any bytes are a page: extraction never throws.
            new("extract", "html", seeds.Pages, (input, _) => extractor.Extract(input, "text/html", "https://news.example/story"), _ => false),

            // The parser's input prepared (comments, style sheets and drawings left out) must give the
            // tree the page itself gives, as its readers see it; a difference is a crash.
            new("parser-input", "html", seeds.Pages, (input, _) => CompareParsedTrees(extractor, Encoding.UTF8.GetString(input)), _ => false),

            // Feeds and sitemaps throw FormatException on unreadable content (documented on FeedParser/SitemapParser.Parse),
            // a corrupt gzip body InvalidDataException; an HTML page's links never throw.
            new("discovery", "xml", seeds.Discovery, (input, _) => Discover(extractor, input),
                e => e is FormatException or InvalidDataException),

            new("robots", "txt", seeds.Robots, (input, _) =>
            {
                var robots = RobotsTxt.Parse(input);
                foreach (var agent in new[] { "Gleaner/0.1", "OtherBot", "" })
                {
                    var policy = robots.For(agent);
                    foreach (var path in RobotsPaths)
                        policy.IsAllowed(path);
                }
            }, _ => false),

            // The reader reports damage through OnIssue and keeps going; a body in an unknown or broken
            // Content-Encoding is InvalidDataException (documented on HttpResponse.DecodeBody).
            new("warc-reader", "warc", seeds.Warcs, (input, _) => ReadWarc(input), e => e is InvalidDataException),

            // The harvester turns every problem into a WarcHarvestIssue event.
            new("warc-harvest", "warc", seeds.Warcs, (input, folder) => HarvestWarc(extractor, input, folder), _ => false),

            // JSON Lines and JSON documents: a bad record is a ReadItem with an Error, never an exception.
            new("jsonl", "jsonl", seeds.JsonLines, (input, folder) => ReadRecordFile(input, folder, "input.jsonl"), _ => false),
            new("json", "json", seeds.JsonDocuments, (input, folder) => ReadRecordFile(input, folder, "input.json"), _ => false),
            new("csv", "csv", seeds.Csv, (input, folder) => ReadRecordFile(input, folder, "input.csv"), _ => false),

            // The record text layout: RecordReader throws RecordFormatException; ArticleFiles reports it as an item.
            new("record", "txt", seeds.Records, (input, folder) =>
            {
                ReadRecordFile(input, folder, "input.txt");
                var reader = new RecordReader(new StringReader(Encoding.UTF8.GetString(input)), "input");
                while (reader.Read() is not null)
                {
                }
            }, e => e is RecordFormatException),

            // Queries: parsed, translated for both backends and run on a small SQLite store; SearchQueryException is the answer to a bad one.
            new("query", "query", seeds.Queries, (input, _) => Search(store.Value, Encoding.UTF8.GetString(input)), e => e is SearchQueryException),
        ];
    }

    private static void CompareParsedTrees(ArticleExtractor extractor, string html)
    {
        if (!ReferenceEquals(html, ParserInput.LimitNesting(html, new ExtractionOptions().MaxNestingDepth)))
            return;   // the nesting cap changes the tree on purpose
        var expected = Gleaner.Testing.ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(html));
        if (expected != Gleaner.Testing.ReadableTree.Of(extractor.Parse(html)))
            throw new InvalidOperationException("the prepared input parses to another tree than the page");
        // As the extractor parses for itself: scripts' text held aside and read back by marker.
        if (expected != Gleaner.Testing.ReadableTree.Of(extractor.ParseHoldingScripts(html.AsMemory(), null), ElementText.Of))
            throw new InvalidOperationException("the input with scripts held aside parses to another tree than the page");
    }

    private static void Discover(ArticleExtractor extractor, byte[] input)
    {
        var content = DocumentSniffer.Decompress(input);
        switch (DocumentSniffer.Sniff(content))
        {
            case DocumentKind.RssFeed:
            case DocumentKind.AtomFeed:
            case DocumentKind.JsonFeed:
                FeedParser.Parse(content, DocumentSniffer.Sniff(content), Base);
                break;
            case DocumentKind.Sitemap:
            case DocumentKind.SitemapIndex:
                SitemapParser.Parse(content, Base);
                break;
            default:
                HtmlLinks.Find(extractor.Parse(Encoding.UTF8.GetString(content)), Base);
                break;
        }
    }

    private static void ReadWarc(byte[] input)
    {
        using var reader = new WarcReader(new MemoryStream(input), new WarcReaderOptions { OnIssue = _ => { } });
        while (reader.Read() is { } record)
        {
            using (record)
            {
                _ = record.TargetUri;
                _ = record.Date;
                if (record.ReadHttpResponse() is { } response)
                    response.DecodeBody().Dispose();
            }
        }
    }

    private static void HarvestWarc(ArticleExtractor extractor, byte[] input, string folder)
    {
        var path = Path.Combine(folder, "input.warc");
        File.WriteAllBytes(path, input);
        var harvester = new WarcHarvester(extractor, new WarcHarvestOptions { Workers = 1, ConcurrentFiles = 1 });
        Task.Run(async () =>
        {
            await foreach (var _ in harvester.RunAsync([new WarcSource(path)]))
            {
            }
        }).GetAwaiter().GetResult();
    }

    private static void ReadRecordFile(byte[] input, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, input);
        foreach (var _ in ArticleFiles.Read(path))
        {
        }
    }

    private static void Search(IArticleStore store, string query)
    {
        var parsed = SearchQuery.Parse(query);
        Fts5Query.Translate(parsed);
        TsQuery.Translate(parsed);
        store.SearchAsync(new SearchRequest(query)).GetAwaiter().GetResult();
    }

    private static IArticleStore OpenSearchStore(string path)
    {
        var store = ArticleStores.OpenAsync(path).GetAwaiter().GetResult();
        var extractor = new ArticleExtractor();
        var seeds = Seeds.BuiltIn();
        var articles = seeds.Pages.Select((page, i) => extractor.Extract(page, "text/html", $"https://news.example/{i}")).ToList();
        store.SaveAsync(articles).GetAwaiter().GetResult();
        return store;
    }
}
