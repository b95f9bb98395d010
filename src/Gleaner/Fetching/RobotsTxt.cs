using System.Text;

namespace Gleaner.Fetching;

/// <summary>
/// A parsed robots.txt (RFC 9309). Groups start with one or more <c>user-agent</c> lines; the group
/// whose product token matches ours is used (all matching groups merged), else the <c>*</c> group,
/// else everything is allowed. Among matching <c>allow</c>/<c>disallow</c> rules the longest path
/// wins and <c>allow</c> wins a tie. <c>*</c> matches any run of characters and a final <c>$</c>
/// anchors the end. <c>crawl-delay</c> and <c>sitemap</c> (not part of the RFC, widely used) are read too.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>RFC 9309 §2.5: crawlers must parse at least 500 KiB; what lies beyond may be ignored.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups, List<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>Allows everything (robots.txt missing, 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>Disallows everything (robots.txt unreachable, 5xx: RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"]) { Rules = { new Rule("/", Allow: false) } }], []);

    /// <summary>Absolute URLs from <c>Sitemap:</c> lines, in file order.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Parses robots.txt bytes (UTF-8), reading at most <see cref="MaxBytes"/>.</summary>
    public static RobotsTxt Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
            content = content[..MaxBytes];
        return Parse(Encoding.UTF8.GetString(content));
    }

    /// <summary>Parses robots.txt text.</summary>
    public static RobotsTxt Parse(string content)
    {
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    // Consecutive user-agent lines share one group; one after a rule starts a new group.
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group([]);
                        groups.Add(current);
                    }
                    current.Agents.Add(value.StartsWith('*') ? "*" : ProductToken(value));
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow":
                    // An empty disallow allows everything: it matches nothing, so it is no rule at all.
                    if (current is not null && value.Length > 0)
                        current.Rules.Add(new Rule(NormalizePattern(value), key == "allow"));
                    break;
                case "crawl-delay":
                    if (current is not null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 3600));
                    break;
                case "sitemap":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var sitemap) && (sitemap.Scheme == Uri.UriSchemeHttp || sitemap.Scheme == Uri.UriSchemeHttps))
                        sitemaps.Add(sitemap.AbsoluteUri);
                    break;
            }
            lastWasAgent = false;
        }
        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>The rules that apply to <paramref name="userAgent"/> (a full User-Agent header or a product token).</summary>
    public RobotsPolicy For(string userAgent)
    {
        var token = ProductToken(userAgent);
        var rules = new List<Rule>();
        TimeSpan? delay = null;
        var matched = false;
        foreach (var group in _groups)
        {
            if (!group.Agents.Contains(token))
                continue;
            matched = true;
            rules.AddRange(group.Rules);
            delay ??= group.CrawlDelay;
        }
        if (!matched)
        {
            foreach (var group in _groups)
            {
                if (!group.Agents.Contains("*"))
                    continue;
                rules.AddRange(group.Rules);
                delay ??= group.CrawlDelay;
            }
        }
        return new RobotsPolicy(rules, delay);
    }

    /// <summary>The product token of a User-Agent: <c>GleanerBot/1.0 (+https://...)</c> → <c>gleanerbot</c>.</summary>
    public static string ProductToken(string userAgent)
    {
        var end = 0;
        while (end < userAgent.Length && (char.IsAsciiLetter(userAgent[end]) || userAgent[end] is '-' or '_'))
            end++;
        return userAgent[..end].ToLowerInvariant();
    }

    /// <summary>Percent-encodes characters outside US-ASCII and uppercases existing escapes, so patterns compare with encoded paths.</summary>
    internal static string NormalizePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%' && i + 2 < pattern.Length && char.IsAsciiHexDigit(pattern[i + 1]) && char.IsAsciiHexDigit(pattern[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(pattern[i + 1])).Append(char.ToUpperInvariant(pattern[i + 2]));
                i += 2;
            }
            else if (c > 0x7F)
            {
                var count = Encoding.UTF8.GetBytes(pattern.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < pattern.Length ? 2 : 1), utf8);
                if (char.IsHighSurrogate(c))
                    i++;
                for (var b = 0; b < count; b++)
                    builder.Append('%').Append(utf8[b].ToString("X2"));
            }
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private sealed class Group(List<string> agents)
    {
        public List<string> Agents { get; } = agents;
        public List<Rule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }

    internal readonly record struct Rule(string Pattern, bool Allow);
}

/// <summary>The robots.txt rules for one user agent on one host.</summary>
public sealed class RobotsPolicy
{
    private readonly List<RobotsTxt.Rule> _rules;

    internal RobotsPolicy(List<RobotsTxt.Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>The group's <c>Crawl-delay</c>, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Whether the URL may be fetched. <c>/robots.txt</c> itself is always allowed.</summary>
    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        if (path == "/robots.txt")
            return true;
        return IsAllowed(path);
    }

    /// <summary>Whether a path with its query (<c>/a/b?c=d</c>, percent-encoded) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var bestLength = -1;
        var allowed = true;
        foreach (var rule in _rules)
        {
            if (!Matches(rule.Pattern, pathAndQuery))
                continue;
            var length = rule.Pattern.Length;
            if (length > bestLength || (length == bestLength && rule.Allow && !allowed))
            {
                bestLength = length;
                allowed = rule.Allow;
            }
        }
        return allowed;
    }

    /// <summary>Matches a robots pattern (<c>*</c> any run, final <c>$</c> end) against the start of <paramref name="path"/>.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var end = anchored ? pattern.Length - 1 : pattern.Length;
        return MatchFrom(pattern, 0, end, anchored, path, 0);
    }

    private static bool MatchFrom(string pattern, int p, int end, bool anchored, string path, int s)
    {
        while (p < end)
        {
            if (pattern[p] == '*')
            {
                while (p < end && pattern[p] == '*')
                    p++;
                if (p == end)
                    return true; // a trailing * matches the rest, anchored or not
                for (var i = s; i <= path.Length; i++)
                    if (MatchFrom(pattern, p, end, anchored, path, i))
                        return true;
                return false;
            }
            if (s >= path.Length || pattern[p] != path[s])
                return false;
            p++;
            s++;
        }
        return !anchored || s == path.Length;
    }
}
