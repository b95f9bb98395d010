using System.Globalization;
using System.Net;
using System.Reflection;
using System.Numerics;

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

    /// <summary>
    /// The list's rules in an open-addressing hash table over the list's own text: a rule is its offset and length
    /// in that one string, so loading allocates no string per rule, and a lookup hashes a span of the host.
    /// </summary>
    internal sealed class SuffixRules
    {
        [Flags]
        private enum Kinds : byte { None = 0, Plain = 1, Wildcard = 2, Exception = 4 }

        private readonly string _text;
        private readonly int[] _starts;
        private readonly int[] _lengths;
        private readonly Kinds[] _kinds;
        private readonly int[] _slots; // rule index + 1, 0 when empty; a power of two, at most a third full
        private int _count;

        private SuffixRules(string text, int capacity)
        {
            _text = text;
            _starts = new int[capacity];
            _lengths = new int[capacity];
            _kinds = new Kinds[capacity];
            _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 3))];
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
            // Folded once, like the hosts it is compared with (the list is written in lower case already).
            var text = list.ToLowerInvariant();
            var rules = new SuffixRules(text, text.AsSpan().Count('\n') + 1);
            var position = 0;
            while (position < text.Length)
            {
                var lineEnd = text.IndexOf('\n', position);
                if (lineEnd < 0)
                    lineEnd = text.Length;
                var start = position;
                position = lineEnd + 1;
                while (start < lineEnd && char.IsWhiteSpace(text[start]))
                    start++;
                var end = start;
                while (end < lineEnd && !char.IsWhiteSpace(text[end]))
                    end++;
                var rule = text.AsSpan(start, end - start);
                if (rule.IsEmpty || rule.StartsWith("//"))
                    continue;
                var kind = Kinds.Plain;
                if (rule.StartsWith("!"))
                    (kind, start) = (Kinds.Exception, start + 1);
                else if (rule.StartsWith("*."))
                    (kind, start) = (Kinds.Wildcard, start + 2);
                if (end > start)
                    rules.Add(start, end - start, kind);
            }
            return rules;
        }

        private void Add(int start, int length, Kinds kind)
        {
            var key = _text.AsSpan(start, length);
            var slot = Find(key);
            if (_slots[slot] != 0)
            {
                _kinds[_slots[slot] - 1] |= kind;
                return;
            }
            _starts[_count] = start;
            _lengths[_count] = length;
            _kinds[_count] = kind;
            _slots[slot] = ++_count;
        }

        /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
        private int Find(ReadOnlySpan<char> key)
        {
            var mask = _slots.Length - 1;
            var slot = (int)(Hash(key) & (uint)mask);
            while (_slots[slot] is var entry and not 0)
            {
                entry--;
                if (_text.AsSpan(_starts[entry], _lengths[entry]).SequenceEqual(key))
                    return slot;
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private Kinds KindsOf(ReadOnlySpan<char> suffix) => _slots[Find(suffix)] is var entry and not 0 ? _kinds[entry - 1] : Kinds.None;

        /// <summary>FNV-1a over the characters: the table is fixed, so a chosen host cannot lengthen its probe runs.</summary>
        private static uint Hash(ReadOnlySpan<char> key)
        {
            var hash = 2166136261u;
            foreach (var c in key)
                hash = (hash ^ c) * 16777619u;
            return hash ^ (hash >> 15);
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
                var kinds = KindsOf(span[start..]);
                if ((kinds & Kinds.Exception) != 0)
                    return host.IndexOf('.', start) + 1;
                if ((kinds & Kinds.Plain) != 0)
                    suffixStart = start;
                if (start >= 2 && (kinds & Kinds.Wildcard) != 0)
                    suffixStart = host.LastIndexOf('.', start - 2) + 1;
                if (dot < 0)
                    break;
            }
            return suffixStart;
        }
    }
}
