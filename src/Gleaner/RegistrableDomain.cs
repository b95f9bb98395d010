using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Gleaner;

/// <summary>
/// The registrable domain of a host by the Public Suffix List: its public suffix plus one label
/// (<c>www.bbc.co.uk</c> → <c>bbc.co.uk</c>, <c>myblog.netlify.app</c> → itself). The one definition of
/// "the same site" for source domains, crawl scope and the store.
/// </summary>
/// <remarks>
/// The full list (ICANN and private sections) is embedded from <c>public_suffix_list.dat</c> beside this
/// file; the README says how to refresh it. Hosts are compared in lower-case Unicode, so a Punycode
/// host and its Unicode spelling give the same domain, written as people read it. IP addresses and
/// single labels are returned as they are, and so is a host that is itself a public suffix.
/// </remarks>
public static class RegistrableDomain
{
    private static readonly SuffixRules Rules = SuffixRules.LoadEmbedded();

    /// <summary>The registrable domain of <paramref name="uri"/>'s host, or null when it has none (a relative URI, no host).</summary>
    public static string? Of(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && !string.IsNullOrEmpty(uri.Host) ? Of(uri.Host) : null;

    /// <summary>The registrable domain of <paramref name="host"/>, lower case, without a trailing dot.</summary>
    public static string Of(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.Trim().TrimEnd('.');
        if (host.Length == 0)
            return host;
        if (host[0] == '[' || IPAddress.TryParse(host, out _))
            return host.Trim('[', ']').ToLowerInvariant();
        host = Normalize(host);
        var suffixStart = Rules.PublicSuffixStart(host);
        if (suffixStart < 2)
            return host; // the host is a public suffix itself (or starts with an empty label)
        var domainStart = host.LastIndexOf('.', suffixStart - 2) + 1;
        return domainStart == 0 ? host : host[domainStart..];
    }

    /// <summary>Lower case; international names (Punycode or Unicode, any case) in their Unicode form.</summary>
    private static string Normalize(string host)
    {
        var international = host.Contains("xn--", StringComparison.OrdinalIgnoreCase);
        foreach (var c in host)
            if (c > '\u007f')
            {
                international = true;
                break;
            }
        if (!international)
            return host.ToLowerInvariant();
        try
        {
            var idn = new IdnMapping();
            return idn.GetUnicode(idn.GetAscii(host));
        }
        catch (ArgumentException)
        {
            return host.ToLowerInvariant(); // not a valid international name: compared as written
        }
    }

    /// <summary>The list's three kinds of rules, each a set keyed by the rule's labels (without <c>*.</c> or <c>!</c>).</summary>
    internal sealed class SuffixRules
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _plain;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcard;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exception;

        private SuffixRules(HashSet<string> plain, HashSet<string> wildcard, HashSet<string> exception)
        {
            _plain = plain.GetAlternateLookup<ReadOnlySpan<char>>();
            _wildcard = wildcard.GetAlternateLookup<ReadOnlySpan<char>>();
            _exception = exception.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public static SuffixRules LoadEmbedded()
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gleaner.public_suffix_list.dat")
                ?? throw new InvalidOperationException("the embedded Public Suffix List is missing from the Gleaner assembly");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }

        /// <summary>Reads the list's format: one rule a line, up to the first white space; <c>//</c> comments.</summary>
        public static SuffixRules Parse(string list)
        {
            // About 9,400 plain rules in the full list: sized once, since this runs at the first extraction.
            var plain = new HashSet<string>(10_000, StringComparer.Ordinal);
            var wildcard = new HashSet<string>(StringComparer.Ordinal);
            var exception = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in list.AsSpan().EnumerateLines())
            {
                var rule = line.Trim();
                var end = rule.IndexOfAny(' ', '\t');
                if (end >= 0)
                    rule = rule[..end];
                if (rule.IsEmpty || rule.StartsWith("//"))
                    continue;
                var set = plain;
                if (rule[0] == '!')
                {
                    set = exception;
                    rule = rule[1..];
                }
                else if (rule.StartsWith("*."))
                {
                    set = wildcard;
                    rule = rule[2..];
                }
                // The list is written in lower case; a rule that is not is folded like the hosts it is compared with.
                set.Add(rule.ContainsAnyInRange('A', 'Z') || !Ascii.IsValid(rule) ? rule.ToString().ToLowerInvariant() : rule.ToString());
            }
            return new SuffixRules(plain, wildcard, exception);
        }

        /// <summary>
        /// Where the public suffix of a normalised host starts: walks its labels right to left, keeping the longest
        /// matching rule; an exception rule wins at once and gives up its leftmost label. With no rule, the last label.
        /// </summary>
        public int PublicSuffixStart(string host)
        {
            var span = host.AsSpan();
            var suffixStart = host.LastIndexOf('.') + 1; // the implicit rule "*": the last label
            var start = host.Length;
            while (start > 0)
            {
                var dot = start == host.Length ? host.LastIndexOf('.') : (start >= 2 ? host.LastIndexOf('.', start - 2) : -1);
                start = dot + 1;
                var candidate = span[start..];
                if (_exception.Contains(candidate))
                    return host.IndexOf('.', start) + 1;
                if (_plain.Contains(candidate))
                    suffixStart = start;
                if (start >= 2 && _wildcard.Contains(candidate))
                    suffixStart = host.LastIndexOf('.', start - 2) + 1;
                if (dot < 0)
                    break;
            }
            return suffixStart;
        }
    }
}
