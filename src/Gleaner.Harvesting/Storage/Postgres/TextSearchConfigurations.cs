namespace Gleaner.Storage.Postgres;

/// <summary>
/// Chooses PostgreSQL's text-search configuration (stemmer and stop words) from a record's ISO 639-1 language;
/// languages PostgreSQL has no configuration for, and records without a language, use <c>simple</c>.
/// </summary>
internal static class TextSearchConfigurations
{
    public const string Fallback = "simple";

    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.Ordinal)
    {
        ["ar"] = "arabic", ["ca"] = "catalan", ["da"] = "danish", ["de"] = "german", ["el"] = "greek",
        ["en"] = "english", ["es"] = "spanish", ["eu"] = "basque", ["fi"] = "finnish", ["fr"] = "french",
        ["ga"] = "irish", ["hi"] = "hindi", ["hu"] = "hungarian", ["hy"] = "armenian", ["id"] = "indonesian",
        ["it"] = "italian", ["lt"] = "lithuanian", ["ne"] = "nepali", ["nl"] = "dutch", ["nb"] = "norwegian",
        ["nn"] = "norwegian", ["no"] = "norwegian", ["pt"] = "portuguese", ["ro"] = "romanian", ["ru"] = "russian",
        ["sr"] = "serbian", ["sv"] = "swedish", ["ta"] = "tamil", ["tr"] = "turkish", ["yi"] = "yiddish",
    };

    /// <summary>The configuration for <paramref name="language"/> among those the server has.</summary>
    public static string For(string? language, IReadOnlySet<string> available)
    {
        if (language is not null && ByLanguage.TryGetValue(language, out var name) && available.Contains(name))
            return name;
        return Fallback;
    }
}
