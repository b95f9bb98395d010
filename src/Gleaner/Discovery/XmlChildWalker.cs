using System.Xml;

namespace Gleaner.Discovery;

/// <summary>
/// Steps through the elements below the current one. Reading an element's text moves an XmlReader past
/// it onto the next node, so the walker remembers that and does not skip the next element.
/// </summary>
internal sealed class XmlChildWalker
{
    private readonly XmlReader _reader;
    private bool _alreadyOnNext;

    /// <summary>Starts below the element <paramref name="subtree"/> (from ReadSubtree) is on.</summary>
    public XmlChildWalker(XmlReader subtree)
    {
        _reader = subtree;
        _reader.Read();
    }

    public XmlReader Reader => _reader;

    /// <summary>Moves to the next element below the start; false at the end.</summary>
    public bool Next()
    {
        if (!_alreadyOnNext && !_reader.Read())
            return false;
        _alreadyOnNext = false;
        while (_reader.NodeType != XmlNodeType.Element)
            if (!_reader.Read())
                return false;
        return true;
    }

    /// <summary>The current element's text (trimmed); moves past the element.</summary>
    public string Text()
    {
        _alreadyOnNext = true;
        return _reader.ReadElementContentAsString().Trim();
    }
}
