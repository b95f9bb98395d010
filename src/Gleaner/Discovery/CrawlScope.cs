using System.Text.RegularExpressions;

namespace Gleaner.Discovery;

/// <summary>
/// Which URLs a crawl may visit: by default those on the same site as a start URL (same registrable
/// domain, so <c>www.</c> and other subdomains count); <c>--include</c> patterns widen or replace that,
/// <c>--exclude</c> patterns always remove. Patterns are globs (<c>*</c> any run of characters) matched
/// against the whole canonical URL, or regular expressions when written <c>re:...</c>.
/// </summary>
internal sealed class CrawlScope
{
    private readonly HashSet<string> _sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Regex> _include;
    private readonly List<Regex> _exclude;

    public CrawlScope(IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
    {
        _include = (include ?? []).Select(ToRegex).ToList();
        _exclude = (exclude ?? []).Select(ToRegex).ToList();
    }

    /// <summary>Adds the site of a start URL to the scope.</summary>
    public void AddSite(Uri start) => _sites.Add(RegistrableDomain.Of(start.Host));

    /// <summary>Null when <paramref name="url"/> is in scope, else why not.</summary>
    public string? Check(Uri url)
    {
        var text = url.AbsoluteUri;
        foreach (var pattern in _exclude)
            if (pattern.IsMatch(text))
                return "excluded by an exclude pattern";
        foreach (var pattern in _include)
            if (pattern.IsMatch(text))
                return null;
        if (_sites.Contains(RegistrableDomain.Of(url.Host)))
            return null;
        return _include.Count > 0 ? "matched by no include pattern" : "another site";
    }

    private static Regex ToRegex(string pattern)
    {
        if (pattern.StartsWith("re:", StringComparison.Ordinal))
            return new Regex(pattern[3..], RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        var escaped = Regex.Escape(pattern).Replace(@"\*", ".*");
        return new Regex("^" + escaped + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }
}
