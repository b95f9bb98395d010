using System.Text.RegularExpressions;
using System.Text.Json;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Fills the record's metadata fields (everything but the body) from the page: URL, domain,
/// site name, title, description, dates, authors, image, section, tags and the declared language
/// (checked against the text later by <see cref="Language.LanguageIdentifier"/>).
/// </summary>
internal static partial class MetadataExtractor
{
    public static void Extract(PageContext page, Article article)
    {
        var document = page.Document;
        var index = new PageIndex(document, page.Budget.StartWalk());
        page.Headlines = index.Headings1;
        page.Index = index;
        var meta = new MetaTags(index.Metas);
        var fetched = page.PageUri;
        var baseUri = BaseUri(index, fetched);
        var imageSource = index.ImageSource;

        var canonical = Resolve(baseUri, index.Canonical?.Attr("href"))
            ?? Resolve(baseUri, meta.First("og:url"));
        // The page's word that it is a snapshot counts only where nothing says where it came from: a page fetched from
        // another site naming archive.today as its canonical must not take the address its header names.
        if (RecordAddress.IsArchiveTodaySnapshot(fetched ?? canonical))
        {
            // The head is the archive's, the page's own metadata gone: the body alone speaks, and the header says where it was saved from.
            meta = new MetaTags([]);
            canonical = null;
            imageSource = null;
            fetched = SnapshotOriginal(document) ?? fetched;
            baseUri = fetched;
        }
        var url = RecordAddress.Choose(fetched, canonical);
        var main = JsonLdValues.MainObject(page.JsonLd, [.. new[] { canonical, fetched }.OfType<Uri>()], meta.First("og:title") ?? document.Title);
        page.Trace?.MainObject(main);
        article.Url = RecordAddress.Key(url);
        // Kept beside the key, never as it: the page's word about another site is worth showing, not trusting.
        article.CanonicalUrl = canonical is not null && url is not null && canonical != url ? canonical.AbsoluteUri : null;
        article.SourceDomain = RegistrableDomain.Of(url);

        // The publisher named in JSON-LD is the organisation; og:site_name is often a brand line with a slogan.
        article.SiteName = PublisherName(main, page.JsonLd)
            ?? TextCleaning.OneLine(meta.First("og:site_name"))
            ?? TextCleaning.OneLine(meta.First("application-name", "apple-mobile-web-app-title"));

        var visibleHeadline = VisibleHeadline.Find(index);
        page.VisibleHeadline = visibleHeadline;
        var visibleText = visibleHeadline is null ? null : VisibleHeadline.Text(visibleHeadline);
        article.Title = FindTitle(document, index, meta, main, article.SiteName, article.SourceDomain, visibleText, out var statedTitle);
        page.StatedTitle = statedTitle ?? article.Title;
        // The shown headline without its kicker no longer reads like the whole heading's text.
        var headline = visibleHeadline is not null && article.Title is not null && visibleText is not null && visibleText.Contains(article.Title, StringComparison.Ordinal)
            ? visibleHeadline
            : PageRegions.Headline(index, article.Title);
        var scope = PageRegions.ArticleScope(index, headline);

        article.Description = TextCleaning.WithoutReadMore(TextCleaning.OneLine(main is { } m ? JsonLdValues.Text(m, "description") : null)
            ?? TextCleaning.OneLine(meta.First("dc.description", "dcterms.description", "og:description", "description", "twitter:description")));

        var declaredLanguage = DeclaredLanguage(document, meta, main);
        article.Language = declaredLanguage;

        // A table-layout page without an <h1> is dated by the header around its main heading.
        var datedHeadline = headline ?? PageRegions.MainHeading(index, document.Body);
        var datedScope = datedHeadline == headline ? scope : PageRegions.ArticleScope(index, datedHeadline);
        var region = DeclaredRegion(document, meta);
        var order = DatesOrder(region, declaredLanguage, article.Title, url);
        var (published, modified) = DateFinder.Find(page, index, meta, main, datedHeadline, datedScope, url, order,
            ZoneReach.For(order, declaredLanguage, region ?? DomainRegion(url)));
        article.Published = published?.ToIso();
        article.Modified = modified?.ToIso();

        article.Authors = AuthorFinder.Find(document, index, meta, main, headline, scope, article.SiteName, article.SourceDomain);

        article.Image = Resolve(baseUri, meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"))?.AbsoluteUri
            ?? Resolve(baseUri, main is { } withImage ? JsonLdValues.Text(withImage, "image") : null)?.AbsoluteUri
            ?? Resolve(baseUri, imageSource?.Attr("href"))?.AbsoluteUri;

        article.Section = TextCleaning.OneLine(meta.First("article:section", "og:article:section", "parsely-section", "section"))
            ?? TextCleaning.OneLine(main is { } withSection ? JsonLdValues.Text(withSection, "articleSection") : null)
            ?? CategoryLinkText(index);

        article.Tags = Tags(meta, main, index);
        if (page.Trace is { } trace)
        {
            ExplainFields(trace, page, index, meta, main, baseUri, visibleText, article);
            AuthorFinder.Explain(trace, document, index, meta, main, headline, scope, article.SiteName, article.SourceDomain, article.Authors);
        }
    }

    /// <summary>
    /// Fills what needs the body, once it is extracted: a page without a summary of its own is
    /// summarised by its first paragraph, as readers and Readability do.
    /// </summary>
    public static void CompleteFromBody(Article article)
    {
        if (article.Description is null && !string.IsNullOrEmpty(article.Text))
            article.Description = TextCleaning.OneLine(FirstParagraph(article.Text));
    }

    /// <summary>A line this long is a paragraph even without closing punctuation.</summary>
    private const int ParagraphChars = 80;

    /// <summary>The first line that reads as a paragraph rather than a heading or a label: it ends
    /// like a sentence or runs long. The first line when none does.</summary>
    private static string FirstParagraph(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            var line = text.AsSpan(start, end - start).Trim();
            if (line.Length >= ParagraphChars || (line.Length > 0 && EndsLikeASentence(line)))
                return line.ToString();
            start = end + 1;
        }
        var first = text.IndexOf('\n');
        return first < 0 ? text : text[..first];
    }

    private static bool EndsLikeASentence(ReadOnlySpan<char> line)
    {
        var last = line[^1];
        if (last is '"' or '\'' or '”' or '’' or '»' or ')' && line.Length > 1)
            last = line[^2];
        return last is '.' or '!' or '?' or '…' or '。' or '！' or '？' or ':' or ';';
    }

    /// <summary>Class names themes give the heading that holds the site's name, not a story's.</summary>
    private static readonly string[] SiteTitleClasses = ["site-title", "site-name", "sitename", "site-logo", "logo", "brand", "navbar-brand"];

    private static bool NamedAsSiteTitle(IElement heading)
    {
        if (heading.GetAttribute("class") is not { } names)
            return false;
        foreach (var name in SiteTitleClasses)
            if (PageIndex.HasToken(names, name))
                return true;
        return false;
    }

    /// <summary>A logo's alt text without the word "logo" and the link's purpose ("Zur Startseite"), when a name is left.</summary>
    private static string? SiteNameOfLogo(string alt)
    {
        var name = LogoWords().Replace(TextCleaning.OneLine(alt) ?? "", "").Trim(' ', '-', '|', ':', '–');
        var letters = 0;
        foreach (var c in name)
            if (char.IsLetter(c))
                letters++;
        return letters >= MinLogoNameLetters && name.Length <= MaxLogoNameChars ? name : null;
    }

    /// <summary>Letters a logo's name has at least ("BR24" and "taz" are names; "BR" alone would match too much).</summary>
    private const int MinLogoNameLetters = 3;

    /// <summary>Characters of a logo's alt text beyond which it describes a picture rather than naming a site.</summary>
    private const int MaxLogoNameChars = 60;

    [GeneratedRegex(@"(?<![\p{L}])(?:logo(?:\s+(?:of|von|de|du|der|des))?|zur startseite|startseite|homepage|home|accueil|inicio|retour à l'accueil|back to home)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogoWords();

    private static string? FindTitle(IDocument document, PageIndex index, MetaTags meta, JsonElement? main, string? siteName, string? domain, string? visibleHeadline,
        out string? statedTitle)
    {
        statedTitle = null;
        var jsonLdHeadline = TextCleaning.OneLine(main is { } m ? JsonLdValues.Text(m, "headline") : null) ?? NamedHeadline(index);
        var metaTitle = TextCleaning.OneLine(meta.First("dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title"));
        var siteNames = new List<string>(3);
        if (siteName is not null)
            siteNames.Add(siteName);
        if (domain is not null)
        {
            siteNames.Add(domain);
            siteNames.Add(domain.Split('.')[0]);
        }
        var headlines = new List<string>();
        foreach (var h1 in index.Headings1)
        {
            if (headlines.Count == MaxHeadlines)
                break;
            var text = TextCleaning.OneLine(h1.TextContent)?.TrimEnd('¶', '#', ' ');
            if (text is not { Length: > 0 and <= MaxTitleChars } || PageRegions.IsForeignHeading(h1))
                continue;
            // A masthead's link home names the site, which a "Blog name: Post title" <title> repeats; so does a heading
            // the theme names as the site's title.
            if (PageRegions.IsSiteNameLink(h1) || NamedAsSiteTitle(h1))
                siteNames.Add(text);
            else
                headlines.Add(text);
        }
        // The masthead logo's alt text ("Gemeinde Beispielheim", "Logo Stadtwerke X") names the site where no metadata does.
        // It is heard only for a <title> that opens with it and a colon, where a site's name and a kicker look alike
        // ("Gemeinde Beispielheim: Headline", "Kenia: Headline"); a site's part after a dash or bar is found by comparing sources.
        var documentTitle = TextCleaning.OneLine(document.Title);
        if (index.HomeLogo?.Attr("alt") is { } alt && SiteNameOfLogo(alt) is { } logoName && documentTitle is not null
            && documentTitle.StartsWith(logoName + ":", StringComparison.OrdinalIgnoreCase))
            siteNames.Add(logoName);
        // A headline marked as such (itemprop="headline" on the h2 or h3 of TYPO3 and Joomla templates, hAtom's entry-title
        // on a blog's) is shown too.
        foreach (var marked in index.MarkedHeadlines)
        {
            var text = TextCleaning.OneLine(TextCleaning.ShortText(marked, MaxTitleChars));
            if (text is { Length: > 0 } && !headlines.Contains(text) && !PageRegions.IsForeignHeading(marked))
            {
                headlines.Add(text);
                break;
            }
        }
        return TitleFinder.Choose(jsonLdHeadline, metaTitle, headlines, documentTitle, siteNames,
            visibleHeadline is { Length: <= MaxTitleChars } ? visibleHeadline : null, out statedTitle);
    }

    /// <summary>
    /// A <c>&lt;meta name="headline"&gt;</c>, which states what JSON-LD's headline does on pages without one. Not an
    /// <c>itemprop="headline"</c> meta: microdata templates fill that with the SEO title.
    /// </summary>
    internal static string? NamedHeadline(PageIndex index)
    {
        foreach (var meta in index.Metas)
            if (string.Equals(meta.Attr("name"), "headline", StringComparison.OrdinalIgnoreCase))
                return TextCleaning.OneLine(meta.Attr("content"));
        return null;
    }

    /// <summary>Pages with more <c>&lt;h1&gt;</c> than this use them for styling, and the first few decide.</summary>
    private const int MaxHeadlines = 5;

    /// <summary>A heading longer than this is a paragraph styled as a heading.</summary>
    private const int MaxTitleChars = 300;

    private static string? PublisherName(JsonElement? main, IReadOnlyList<JsonElement> objects)
    {
        if (main is { } article && article.TryGetProperty("publisher", out var publisher) && TextCleaning.OneLine(JsonLdValues.AsText(publisher)) is { } name
            && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return name;
        foreach (var obj in objects)
            if (JsonLdValues.IsType(obj, "WebSite") && TextCleaning.OneLine(JsonLdValues.Text(obj, "name")) is { } siteName)
                return siteName;
        return null;
    }

    private static List<string> Tags(MetaTags meta, JsonElement? main, PageIndex index)
    {
        var tags = new List<string>();
        foreach (var value in meta.All("article:tag"))
            AddTags(tags, value, split: value.Contains(','));
        if (main is { } article)
            foreach (var keyword in JsonLdValues.All(article, "keywords"))
                if (JsonLdValues.AsText(keyword) is { } text)
                    AddTags(tags, text, split: true);
        foreach (var key in (ReadOnlySpan<string>)["news_keywords", "parsely-tags", "sailthru.tags"])
            foreach (var value in meta.All(key))
                AddTags(tags, value, split: true);
        if (tags.Count == 0)
            foreach (var value in meta.All("keywords"))
                AddTags(tags, value, split: true);
        // Last: the page's visible tag links (rel-tag), which blog engines print under a post that declares no tags.
        // Those in menus, mastheads, footers and asides are the site's, and a cloud of more than a post carries is a menu too.
        if (tags.Count == 0 && index.TagLinks.Count <= MaxTagLinks)
            foreach (var link in index.TagLinks)
                if (!IsCategoryLink(link) && !InSiteFurniture(link))
                    AddTags(tags, link.TextContent, split: false);
        return tags;
    }

    private const int MaxTagLinks = 24;

    /// <summary>The first category link's text (<c>rel="category tag"</c>) outside the site's furniture: the post's section.</summary>
    private static string? CategoryLinkText(PageIndex index)
    {
        if (index.TagLinks.Count > MaxTagLinks)
            return null;
        foreach (var link in index.TagLinks)
            if (IsCategoryLink(link) && !InSiteFurniture(link) && TextCleaning.OneLine(link.TextContent) is { Length: <= 80 } text)
                return text;
        return null;
    }

    /// <summary>Inside a menu, an aside, or a header or footer of the page (a post's own header or footer, inside its
    /// <c>article</c>, is where blog engines print its tags).</summary>
    private static bool InSiteFurniture(IElement link)
    {
        for (var parent = link.ParentElement; parent is not null; parent = parent.ParentElement)
            if (parent.LocalName is "nav" or "aside")
                return true;
            else if (parent.LocalName is "header" or "footer")
                return parent.Closest("article") is null;
        return false;
    }

    private static bool IsCategoryLink(IElement link) => PageIndex.HasToken(link.Attr("rel") ?? "", "category");

    /// <summary>Keywords lists run long on some sites; past this many they are SEO filler, not tags.</summary>
    private const int MaxTags = 40;

    private static void AddTags(List<string> tags, string value, bool split)
    {
        // Entities first: "PG&amp;E" split at its semicolon would give the tag "PG&amp".
        if (value.Contains('&') && value.Contains(';'))
            value = TextCleaning.DecodeEntities(value);
        foreach (var raw in split ? value.Split([',', ';']) : [value])
        {
            var tag = TextCleaning.OneLine(raw);
            if (tag is null || tag.Length > 80 || tags.Count >= MaxTags || tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                continue;
            tags.Add(tag);
        }
    }

    /// <summary>The page's own statement of its language, as an ISO 639-1 code.</summary>
    private static string? DeclaredLanguage(IDocument document, MetaTags meta, JsonElement? main)
    {
        foreach (var value in (ReadOnlySpan<string?>)[
            document.DocumentElement?.Attr("lang"), document.DocumentElement?.GetAttribute("xml:lang"),
            meta.First("content-language", "language", "dc.language", "dcterms.language"),
            meta.First("og:locale"), main is { } m ? JsonLdValues.Text(m, "inLanguage") : null])
        {
            if (LanguageCodes.Primary(value) is { } code)
                return code;
        }
        return null;
    }

    /// <summary>
    /// US English writes 04/05/2021 month first; Korean, Japanese, Chinese and Hungarian write numeric dates year first
    /// (23.01.12); the rest of the world day first. The region comes from the page's language tag or locale (<c>en-GB</c>,
    /// <c>en_GB</c>); an English page without one is read by its country's domain (<c>.co.uk</c>, <c>.ie</c>), and month
    /// first on generic ones; a page declaring no language at all, year first when its title is in Hangul, kana or Han.
    /// </summary>
    private static DateOrder DatesOrder(string? declaredRegion, string? language, string? title, Uri? url)
    {
        if (language is "ko" or "ja" or "zh" or "hu")
            return DateOrder.YearFirst;
        if (language is null && title is not null && (title.AsSpan().IndexOfAnyInRange('\u3040', '\u9fff') >= 0 || title.AsSpan().IndexOfAnyInRange('\uac00', '\ud7a3') >= 0))
            return DateOrder.YearFirst;
        if (declaredRegion is not null)
            return declaredRegion.Equals("us", StringComparison.OrdinalIgnoreCase) || declaredRegion.Equals("ph", StringComparison.OrdinalIgnoreCase)
                ? DateOrder.MonthFirst : DateOrder.DayFirst;
        if (language is not (null or "en"))
            return DateOrder.DayFirst;
        return DomainRegion(url) is { } country && !country.Equals("us", StringComparison.OrdinalIgnoreCase) ? DateOrder.DayFirst : DateOrder.MonthFirst;
    }

    /// <summary>The region the page's language tag or locale names (<c>en-GB</c>, <c>vi_VN</c>), or null.</summary>
    private static string? DeclaredRegion(IDocument document, MetaTags meta)
    {
        foreach (var tag in (ReadOnlySpan<string?>)[document.DocumentElement?.Attr("lang"), meta.First("og:locale"), meta.First("content-language")])
            if (tag is { Length: >= 5 } && tag[2] is '-' or '_' && tag.AsSpan(3).Trim() is { Length: 2 } region)
                return region.ToString();
        return null;
    }

    /// <summary>
    /// The country of the page's domain (<c>.co.uk</c>, <c>.vn</c>), or null: none, or one the world uses as a generic name
    /// (<c>.la</c>, <c>.co</c>), which says nothing of the reader's country.
    /// </summary>
    private static string? DomainRegion(Uri? url)
    {
        var host = url?.Host;
        var dot = host?.LastIndexOf('.') ?? -1;
        return dot > 0 && host!.Length - dot - 1 == 2 && !GenericCountryDomains.Contains(host[(dot + 1)..]) ? host[(dot + 1)..] : null;
    }

    internal static readonly HashSet<string> GenericCountryDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "io", "co", "tv", "me", "ai", "fm", "ly", "gg", "cc", "ws", "to", "am", "so", "sh", "la", "nu", "pw", "vc",
    };

    /// <summary>The address an archive.today snapshot was saved from: the search box of its header ("Saved from").</summary>
    private static Uri? SnapshotOriginal(IDocument document) =>
        document.GetElementById("HEADER")?.QuerySelector("input[name=q]")?.GetAttribute("value") is { } saved
            && Uri.TryCreate(saved.Trim(), UriKind.Absolute, out var original) && original.Scheme is "http" or "https" && RecordAddress.HasValidHost(original)
            ? original
            : null;

    private static Uri? BaseUri(PageIndex index, Uri? pageUri)
    {
        var href = index.Base?.Attr("href");
        if (href is null)
            return pageUri;
        return Resolve(pageUri, href) ?? pageUri;
    }

    /// <summary>An http(s) URL made absolute against the page, or null; a web archive's replay address of a page or
    /// image (its canonical and og:image rewritten to <c>/web/20190210123456im_/https://…</c>) is taken as the original.</summary>
    private static Uri? Resolve(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        href = href.Trim();
        if (href.StartsWith("//", StringComparison.Ordinal))
            href = (baseUri?.Scheme ?? "https") + ":" + href;
        Uri? uri;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            uri = absolute;
        // A colon after a slash is the path's ("/web/20190210123456/https://…"), not a scheme's.
        else if (baseUri is not null && !StartsWithScheme(href) && Uri.TryCreate(baseUri, href, out var relative))
            uri = relative;
        else
            uri = null;
        return uri is { Scheme: "http" or "https" } && RecordAddress.HasValidHost(uri) ? RecordAddress.Original(uri) : null;
    }

    private static bool StartsWithScheme(string href)
    {
        var colon = href.IndexOf(':');
        return colon >= 0 && href.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0;
    }
}
