using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gleaner.Extraction.Content;
using Gleaner.Extraction.Explain;
using Gleaner.Extraction.Language;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Extraction;

/// <summary>
/// Turns one HTML page into an <see cref="Article"/>. Thread-safe: one instance can serve all threads.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly ExtractionOptions _options;

    public ArticleExtractor(ExtractionOptions? options = null)
    {
        _options = options ?? new ExtractionOptions();
        if (_options.MinConfidence is { } min && !(min >= 0 && min <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), min, "MinConfidence must be from 0 to 1.");
    }

    /// <summary>Extracts from raw bytes, decoding them by BOM, HTTP Content-Type, &lt;meta&gt; and sniffing.</summary>
    public Article Extract(ReadOnlySpan<byte> html, string? contentType = null, string? url = null)
    {
        // Nothing the article keeps refers to the document, so its characters go back to the pool at once.
        using var page = ParsePooled(html, contentType, url is null, out var savedFrom);
        return Extract(page.Document, url ?? savedFrom?.AbsoluteUri);
    }

    /// <summary>
    /// Decodes and parses page bytes, the characters rented from the shared pool instead of held in a new string of a
    /// few hundred kilobytes, which the collector would have to clear and reclaim for every page. The document may be
    /// read until the result is disposed.
    /// </summary>
    internal ParsedPage ParsePooled(ReadOnlySpan<byte> html, string? contentType) => ParsePooled(html, contentType, false, out _);

    /// <summary>As <see cref="ParsePooled(ReadOnlySpan{byte}, string?)"/>, and, when <paramref name="findSavedAddress"/>, the
    /// original address a saved page states in its head (<see cref="SavedPageAddress"/>), read before the parse leaves its comments out.</summary>
    private ParsedPage ParsePooled(ReadOnlySpan<byte> html, string? contentType, bool findSavedAddress, out Uri? savedFrom)
    {
        var text = HtmlDecoder.DecodePooled(html, contentType);
        try
        {
            savedFrom = findSavedAddress ? SavedPageAddress.Find(text.Memory.Span) : null;
            // The characters are ours: what the parser need not read is left out in place, scripts' text held aside.
            return new ParsedPage(ParseHoldingScripts(text.Memory, text.Array), text);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Extracts from a decoded page. <paramref name="url"/> is where it came from, if known.</summary>
    public Article Extract(string html, string? url = null)
    {
        // Not disposed: the document holds only managed memory, and disposing it detaches every node one by one
        // (about 2% of an extraction), work the garbage collector does not need.
        ArgumentNullException.ThrowIfNull(html);
        var document = ParseHoldingScripts(html.AsMemory(), null);
        return Extract(document, url ?? SavedPageAddress.Find(html)?.AbsoluteUri);
    }

    /// <summary>
    /// Parses a decoded page within this extractor's bounds (size, nesting depth), for callers that look at
    /// the page themselves too (classifying it, finding its links) and then extract from the same parse.
    /// </summary>
    public IDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parse(html.AsMemory(), null);
    }

    /// <summary>
    /// Parses characters the document then refers to: they must stay unchanged while it is read. <paramref name="writable"/>,
    /// when given, is the array they start at, free to be overwritten.
    /// </summary>
    private IDocument Parse(ReadOnlyMemory<char> html, char[]? writable) => Parse(WithinSizeBound(html), _options.MaxNestingDepth, writable);

    /// <summary>The page cut to <see cref="ExtractionOptions.MaxHtmlChars"/>.</summary>
    private ReadOnlyMemory<char> WithinSizeBound(ReadOnlyMemory<char> html) =>
        html.Length > _options.MaxHtmlChars ? html[.._options.MaxHtmlChars] : html;

    /// <summary>
    /// Parses for this extractor's own reading: scripts' text is held aside (<see cref="ScriptTexts"/>), so the document
    /// must not leave the extractor, whose readers take scripts' text through <see cref="ElementText.Of"/>, and
    /// <paramref name="html"/> must stay unchanged while the document is read.
    /// </summary>
    internal IDocument ParseHoldingScripts(ReadOnlyMemory<char> html, char[]? writable)
    {
        var input = ParserInput.Prepare(WithinSizeBound(html), _options.MaxNestingDepth, writable, out var held, out var rented);
        IDocument document;
        try
        {
            document = ThreadParser.ParseDocument(input);
        }
        finally
        {
            // The document holds strings of its own, never slices of its input.
            if (rented is not null)
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
        ScriptTexts.Attach(document, held);
        return document;
    }

    /// <summary>Parses HTML found inside the page (a story held in a script) within the same nesting bound.</summary>
    internal static IDocument ParseFragment(string html, ExtractionOptions options) => Parse(html.AsMemory(), options.MaxNestingDepth, null);

    private static IDocument Parse(ReadOnlyMemory<char> html, int maxNestingDepth, char[]? writable)
    {
        // The parser's time grows with nesting depth (a hostile page nested 100,000 deep would stall it for minutes),
        // and it builds nodes of comments, style sheets and drawings nobody reads: ParserInput deals with both.
        return ThreadParser.ParseDocument(ParserInput.Prepare(html, maxNestingDepth, writable));
    }

    /// <summary>Extracts from a page parsed by <see cref="Parse(string)"/>; the document is read, never changed.</summary>
    public Article Extract(IDocument document, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Uri? pageUri = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && RecordAddress.HasValidHost(parsed) ? RecordAddress.FetchedOriginal(parsed) : null;
        var page = new PageContext(document, pageUri, _options);

        var article = new Article();
        MetadataExtractor.Extract(page, article);
        ContentExtractor.Extract(page, article);
        // The language is checked against the body text and the description may fall back on it, so these come last.
        MetadataExtractor.CompleteFromBody(article);
        LanguageIdentifier.Fill(page, article);
        if (page.Trace is { } trace)
            Explain(trace, article);
        article.Partial = page.Budget.Exhausted;
        return article;
    }

    /// <summary>Completes the explanation, clears the doubtful fields when asked to, and attaches it when asked for.</summary>
    private void Explain(ExtractionTrace trace, Article article)
    {
        MetadataExtractor.ExplainAfterBody(trace, article);
        trace.PutInRecordOrder();
        if (_options.MinConfidence is { } min)
            trace.ClearDoubtful(article, min);
        if (_options.Explain)
            article.Explanation = trace.Explanation;
    }

    /// <summary>A parser with the extractor's settings; the benchmark's phase timing parses with it too.</summary>
    internal static HtmlParser CreateParser() => new(ParserOptions, BrowsingContext.New(ParserConfiguration));

    /// <summary>
    /// This thread's parser, kept from page to page: a parse leaves nothing behind in the parser or its browsing
    /// context (each document holds its own state), and building the context per page cost allocations and time for nothing.
    /// </summary>
    internal static HtmlParser ThreadParser => t_parser ??= CreateParser();

    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
        IsScripting = false,
        DisableElementPositionTracking = true,
    };

    /// <summary>
    /// AngleSharp's default services less its attribute observer: that observer runs a lookup (and for links, images
    /// and scripts, resource bookkeeping) for every attribute of every element as the tree is built, about a tenth of
    /// the parse, and only keeps browser state (class lists, link relations, the base URL) that extraction never reads:
    /// class lists are built from the attribute when first asked for, and the base URL is read from the page itself.
    /// The services are stateless factories, so one configuration serves all threads. The meta handlers go too: they
    /// act on a <c>&lt;meta http-equiv&gt;</c> as a browser would (a refresh, a change of encoding; the page is decoded
    /// before it is parsed, see <see cref="HtmlDecoder"/>), and the encoding one reads a Content-Type value in time
    /// quadratic in its length (a 150,000-character value took 13 s).
    /// </summary>
    private static readonly IConfiguration ParserConfiguration = Configuration.Default.Without<IAttributeObserver>().Without<AngleSharp.Browser.IMetaHandler>();
}

/// <summary>
/// A document parsed from pooled characters, and those characters: disposing gives them back. The document itself is
/// left to the collector (it holds only managed memory; disposing it would detach every node one by one).
/// </summary>
internal sealed class ParsedPage(IDocument document, PooledText text) : IDisposable
{
    public IDocument Document { get; } = document;

    public void Dispose() => text.Dispose();
}
