namespace Gleaner.Archives;

/// <summary>
/// The named fields of a WARC record or HTTP message, in their original order. Names compare
/// case-insensitively; a name may occur more than once.
/// </summary>
public sealed class HeaderFields
{
    private readonly List<KeyValuePair<string, string>> _fields = new(16);

    /// <summary>All fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> All => _fields;

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in _fields)
                if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
                    return field.Value;
            return null;
        }
    }

    /// <summary>Adds a field at the end.</summary>
    public void Add(string name, string value) => _fields.Add(new(name, value));

    internal void AppendToLast(string continuation)
    {
        var last = _fields[^1];
        _fields[^1] = new(last.Key, last.Value.Length == 0 ? continuation : last.Value + " " + continuation);
    }
}
