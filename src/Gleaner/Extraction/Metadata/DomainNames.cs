using System.Net;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The registrable domain of a host: the public suffix plus one label (<c>www.bbc.co.uk</c> → <c>bbc.co.uk</c>).
/// </summary>
/// <remarks>
/// The full Public Suffix List has about 10,000 rules and changes monthly; a news harvester only
/// needs to group pages by publisher, so this keeps a compact list of the multi-label suffixes
/// under which news sites actually live (second-level registries of the UK, Australia, Japan,
/// Brazil, India, China and the like). Any other host is taken to have a one-label suffix,
/// which is right for .com, .de, .fr, .ru and most country domains.
/// </remarks>
internal static class DomainNames
{
    private static readonly HashSet<string> MultiLabelSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk", "nhs.uk", "police.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz", "school.nz", "geek.nz", "kiwi.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
        "co.kr", "or.kr", "ne.kr", "go.kr", "ac.kr", "re.kr",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
        "com.hk", "net.hk", "org.hk", "gov.hk", "edu.hk", "com.tw", "net.tw", "org.tw", "gov.tw", "edu.tw", "idv.tw",
        "com.sg", "net.sg", "org.sg", "gov.sg", "edu.sg", "com.my", "net.my", "org.my", "gov.my",
        "co.id", "or.id", "web.id", "go.id", "ac.id", "co.th", "or.th", "go.th", "ac.th", "in.th",
        "com.ph", "net.ph", "org.ph", "gov.ph", "com.vn", "net.vn", "org.vn", "gov.vn", "com.pk", "org.pk", "gov.pk",
        "com.bd", "com.np", "com.lk", "co.in", "net.in", "org.in", "gov.in", "ac.in", "firm.in", "gen.in", "ind.in",
        "co.il", "org.il", "net.il", "ac.il", "gov.il", "com.tr", "net.tr", "org.tr", "gov.tr", "edu.tr", "web.tr", "gen.tr",
        "com.sa", "net.sa", "org.sa", "gov.sa", "com.eg", "gov.eg", "com.qa", "com.kw", "com.om", "com.bh", "com.lb", "com.jo",
        "co.ae", "gov.ae", "com.iq", "co.ir", "ac.ir",
        "co.za", "org.za", "gov.za", "web.za", "co.ke", "or.ke", "go.ke", "com.ng", "gov.ng", "org.ng", "com.gh", "co.tz", "co.ug",
        "co.zw", "com.et", "co.ma", "com.tn", "com.dz",
        "com.br", "net.br", "org.br", "gov.br", "art.br", "blog.br", "edu.br", "jor.br", "com.ar", "org.ar", "gob.ar", "gov.ar",
        "com.mx", "org.mx", "gob.mx", "net.mx", "edu.mx", "com.co", "org.co", "gov.co", "net.co", "com.pe", "org.pe", "gob.pe",
        "com.ve", "gob.ve", "com.uy", "com.py", "com.bo", "com.ec", "gob.ec", "gob.cl", "com.gt", "com.sv", "com.hn",
        "com.ni", "co.cr", "com.pa", "com.do", "com.cu", "com.pr",
        "com.ua", "net.ua", "org.ua", "gov.ua", "in.ua", "kiev.ua", "com.ru", "net.ru", "org.ru", "msk.ru", "spb.ru",
        "com.by", "com.kz", "org.kz", "com.pl", "net.pl", "org.pl", "gov.pl", "info.pl", "waw.pl", "co.at", "or.at", "gv.at",
        "com.gr", "gov.gr", "com.cy", "com.mt", "com.es", "org.es", "gob.es", "com.pt", "org.pt", "gov.pt", "co.hu", "com.ro",
        "com.hr", "co.rs", "com.mk", "com.ba", "co.me", "com.al",
        "com.fr", "asso.fr", "gouv.fr", "co.it", "gov.it", "edu.it", "co.no", "priv.no", "gov.ie", "com.mo",
        "github.io", "blogspot.com", "appspot.com",
    };

    /// <summary>The registrable domain of <paramref name="uri"/>'s host, lower case, or the host itself for IP addresses and single labels.</summary>
    public static string? RegistrableDomain(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
            return null;
        string host;
        try
        {
            host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return null; // a host Uri accepts but IDNA refuses (NUL, U+FFFF, joiners): no domain name at all
        }
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host, out _))
            return host;
        var labels = host.Split('.');
        if (labels.Length <= 2)
            return host;
        var lastTwo = labels[^2] + "." + labels[^1];
        var suffixLabels = MultiLabelSuffixes.Contains(lastTwo) ? 2 : 1;
        var keep = Math.Min(labels.Length, suffixLabels + 1);
        var domain = string.Join('.', labels[^keep..]);
        // Hosts are stored in Punycode; show international names as people write them.
        return domain.Contains("xn--", StringComparison.Ordinal) ? new System.Globalization.IdnMapping().GetUnicode(domain) : domain;
    }
}
