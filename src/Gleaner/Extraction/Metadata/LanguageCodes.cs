namespace Gleaner.Extraction.Metadata;

/// <summary>Language tags as pages write them (<c>en-US</c>, <c>pt_BR</c>, <c>ENG</c>) reduced to ISO 639-1.</summary>
internal static class LanguageCodes
{
    /// <summary>ISO 639-2 codes that pages use instead of the two-letter form.</summary>
    private static readonly Dictionary<string, string> ThreeLetter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = "en", ["deu"] = "de", ["ger"] = "de", ["fra"] = "fr", ["fre"] = "fr", ["spa"] = "es", ["por"] = "pt",
        ["ita"] = "it", ["rus"] = "ru", ["nld"] = "nl", ["dut"] = "nl", ["pol"] = "pl", ["ces"] = "cs", ["cze"] = "cs",
        ["zho"] = "zh", ["chi"] = "zh", ["jpn"] = "ja", ["kor"] = "ko", ["ara"] = "ar", ["tur"] = "tr", ["ukr"] = "uk",
    };

    public static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var primary = tag.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        if (primary.Length == 2 && char.IsAsciiLetterLower(primary[0]) && char.IsAsciiLetterLower(primary[1]))
            return primary;
        return ThreeLetter.GetValueOrDefault(primary);
    }
}
