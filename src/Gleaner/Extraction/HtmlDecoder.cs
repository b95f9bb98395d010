using System.Text;

namespace Gleaner.Extraction;

/// <summary>Decodes page bytes to text. Placeholder order: BOM, then UTF-8.</summary>
internal static class HtmlDecoder
{
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        return Encoding.UTF8.GetString(bytes);
    }
}
