using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The page's <c>&lt;meta&gt;</c> values keyed by lower-case <c>property</c>, <c>name</c>,
/// <c>itemprop</c> or <c>http-equiv</c>, read in one pass. A <c>property</c> may hold several
/// space-separated names (RDFa), each is a key.
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public MetaTags(IEnumerable<IElement> metas)
    {
        foreach (var meta in metas)
        {
            var content = meta.Attr("content");
            if (string.IsNullOrWhiteSpace(content))
                continue;
            content = content.Trim();
            AddKeys(meta.Attr("property"), content, isProperty: true);
            AddKeys(meta.Attr("name"), content, isProperty: false);
            AddKeys(meta.Attr("itemprop"), content, isProperty: false);
            AddKeys(meta.Attr("http-equiv"), content, isProperty: false);
        }
    }

    /// <summary>How many of a key's values, at the front of its list, came from a <c>property</c> attribute.</summary>
    private readonly Dictionary<string, int> _propertyValues = new(StringComparer.Ordinal);

    /// <summary>
    /// Open Graph and RDFa write keys in <c>property</c>; a page that also has a <c>name</c> copy (often stale, from a
    /// template) is read property first, as Readability and the social sites read it.
    /// </summary>
    private void AddKeys(string? keys, string content, bool isProperty)
    {
        if (string.IsNullOrWhiteSpace(keys))
            return;
        foreach (var key in keys.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = key.ToLowerInvariant();
            // Dublin Core is written both "DC.title" and "dc:title".
            if (lower.StartsWith("dc:", StringComparison.Ordinal) || lower.StartsWith("dcterms:", StringComparison.Ordinal))
                lower = lower.Replace(':', '.');
            if (!_values.TryGetValue(lower, out var list))
                _values[lower] = list = [];
            if (isProperty)
            {
                var count = _propertyValues.GetValueOrDefault(lower);
                list.Insert(count, content);
                _propertyValues[lower] = count + 1;
            }
            else
                list.Add(content);
        }
    }

    /// <summary>The first value of the first key present, in the order given.</summary>
    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
            if (_values.TryGetValue(key, out var list))
                return list[0];
        return null;
    }

    /// <summary>The first value of a key ending in <paramref name="suffix"/> (<c>video:uploaded</c> for <c>:uploaded</c>).</summary>
    public string? FirstEndingWith(string suffix)
    {
        foreach (var (key, list) in _values)
            if (key.EndsWith(suffix, StringComparison.Ordinal))
                return list[0];
        return null;
    }

    /// <summary>Every key with its values.</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> Entries => _values;

    /// <summary>All values of a key, in page order, those from a <c>property</c> attribute first.</summary>
    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var list) ? list : [];
}
