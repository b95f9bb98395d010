using System.ComponentModel;
using System.Text;
using Gleaner.Formats;
using Gleaner.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gleaner.Web;

/// <summary>A request's value that cannot be used; the message names the parameter and why.</summary>
internal sealed class BadParameterException(string message) : Exception(message);

/// <summary>The record filters, from the query string (the CLI's <c>--site</c>, <c>--lang</c> ... options).</summary>
public class FilterParameters
{
    [FromQuery(Name = "site"), Description("Source domain (also its subdomains) or site name")]
    public string? Site { get; set; }

    [FromQuery(Name = "lang"), Description("ISO 639-1 language code")]
    public string? Lang { get; set; }

    [FromQuery(Name = "author"), Description("Part of an author's name")]
    public string? Author { get; set; }

    [FromQuery(Name = "tag"), Description("A tag or the section")]
    public string? Tag { get; set; }

    [FromQuery(Name = "section"), Description("The section (matched like tag)")]
    public string? Section { get; set; }

    [FromQuery(Name = "since"), Description("Published on or after (ISO 8601 date or instant)")]
    public string? Since { get; set; }

    [FromQuery(Name = "until"), Description("Published before this instant, or on or before this date")]
    public string? Until { get; set; }

    /// <summary>The filter; throws <see cref="BadParameterException"/> for a value it cannot use.</summary>
    internal ArticleFilter ToFilter()
    {
        if (Tag is { Length: > 0 } && Section is { Length: > 0 } && !string.Equals(Tag, Section, StringComparison.OrdinalIgnoreCase))
            throw new BadParameterException("give tag or section, not both (the store matches either against tags and the section)");
        return new ArticleFilter
        {
            Site = Clean(Site, "site"),
            Language = Clean(Lang, "lang"),
            Author = Clean(Author, "author"),
            Tag = Clean(Tag, "tag") ?? Clean(Section, "section"),
            Since = Date(Since, "since", IsoDates.ToInstant),
            Until = Date(Until, "until", IsoDates.ToEndInstant),
        };
    }

    /// <summary>The filter values as a query string (starting with '&amp;' when not empty), for links to other pages.</summary>
    internal string FilterQuery()
    {
        var query = new StringBuilder();
        Append(query, "site", Site);
        Append(query, "lang", Lang);
        Append(query, "author", Author);
        Append(query, "tag", Tag);
        Append(query, "section", Section);
        Append(query, "since", Since);
        Append(query, "until", Until);
        return query.ToString();
    }

    internal static void Append(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
    }

    private static string? Clean(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length > 200)
            throw new BadParameterException($"the parameter '{name}' is longer than 200 characters");
        return value.Trim();
    }

    private static DateTimeOffset? Date(string? value, string name, Func<string?, DateTimeOffset?> parse)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return parse(value) ?? throw new BadParameterException(
            $"the parameter '{name}' ('{Shorten(value)}') is not an ISO 8601 date (2024-03-01 or 2024-03-01T08:00+01:00)");
    }

    internal static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}

/// <summary>A search, from the query string; its filters are a <see cref="FilterParameters"/> bound beside it (the
/// generated binding reads only a type's own properties, not inherited ones).</summary>
public sealed class SearchParameters
{
    public const int MaxPerPage = 100;

    /// <summary>Deepest result reachable by paging: relevance ranks at most this many matches.</summary>
    public const int MaxDepth = 10_000;

    [FromQuery(Name = "q"), Description("Words (all must match), \"quoted phrases\", -excluded, OR, (grouping), prefix*")]
    public string? Q { get; set; }

    [FromQuery(Name = "sort"), Description("relevance (default) or newest")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page"), Description("Page of results, from 1")]
    public int? Page { get; set; }

    [FromQuery(Name = "per_page"), Description("Results per page, 1 to 100 (default 20)")]
    public int? PerPage { get; set; }

    [FromQuery(Name = "collapse"), Description("One result per story, with its number of copies")]
    public bool? Collapse { get; set; }

    internal int PageNumber => Page ?? 1;

    internal int PageSize => PerPage ?? 20;

    internal string SortName => string.IsNullOrWhiteSpace(Sort) ? "relevance" : Sort.Trim().ToLowerInvariant();

    /// <summary>The store's request; throws <see cref="BadParameterException"/> for a value it cannot use (the query syntax included).</summary>
    internal SearchRequest ToRequest(FilterParameters filters, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(Q))
            throw new BadParameterException("the parameter 'q' (the query) is missing");
        try
        {
            Storage.Search.SearchQuery.Validate(Q);
        }
        catch (Storage.Search.SearchQueryException e)
        {
            throw new BadParameterException($"bad query: {e.Message}");
        }
        var sort = SortName switch
        {
            "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => throw new BadParameterException($"the parameter 'sort' ('{FilterParameters.Shorten(Sort!)}') must be relevance or newest"),
        };
        if (PageSize is < 1 or > MaxPerPage)
            throw new BadParameterException($"the parameter 'per_page' ({PageSize}) must be between 1 and {MaxPerPage}");
        if (PageNumber < 1 || (long)PageNumber * PageSize > MaxDepth)
            throw new BadParameterException($"the parameter 'page' ({PageNumber}) must be at least 1 and reach no deeper than result {MaxDepth:N0}");
        return new SearchRequest(Q.Trim())
        {
            Filter = filters.ToFilter(),
            Sort = sort,
            Limit = PageSize,
            Offset = (PageNumber - 1) * PageSize,
            Collapse = Collapse ?? false,
            Timeout = timeout,
        };
    }

    /// <summary>This search's query string with another page number.</summary>
    internal string QueryString(FilterParameters filters, int page)
    {
        var query = new StringBuilder("q=").Append(Uri.EscapeDataString(Q?.Trim() ?? ""));
        query.Append(filters.FilterQuery());
        if (SortName != "relevance")
            FilterParameters.Append(query, "sort", SortName);
        if (Collapse == true)
            query.Append("&collapse=true");
        if (PerPage is { } perPage && perPage != 20)
            query.Append("&per_page=").Append(perPage);
        if (page != 1)
            query.Append("&page=").Append(page);
        return query.ToString();
    }
}
