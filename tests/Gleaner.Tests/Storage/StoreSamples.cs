namespace Gleaner.Tests.Storage;

/// <summary>A handful of hand-written records: a wire story, an edited copy of it, another story on the same topic, and unrelated ones.</summary>
internal static class StoreSamples
{
    public const string QuakeText =
        "A powerful earthquake struck central Japan on Monday, toppling houses and cutting power to tens of thousands of homes along the coast.\n" +
        "The Japan Meteorological Agency said the quake had a preliminary magnitude of 7.5 and issued a tsunami warning for Ishikawa prefecture.\n" +
        "Residents were told to move to higher ground immediately as waves of up to one metre reached the port of Wajima.\n" +
        "Prime Minister Fumio Kishida told reporters that the government was doing everything possible to assess the damage and rescue people trapped in collapsed buildings.\n" +
        "Railway operators suspended bullet train services between Tokyo and Kanazawa while engineers inspected the tracks.";

    public static Article Quake() => new()
    {
        Url = "https://wire.example/world/japan-quake",
        SourceDomain = "wire.example",
        SiteName = "Wire Service",
        Title = "Powerful earthquake strikes central Japan",
        Description = "A magnitude 7.5 quake hit Ishikawa prefecture.",
        Text = QuakeText,
        Authors = ["Mari Yamaguchi"],
        Published = "2024-01-01T16:10:00+09:00",
        Language = "en",
        Section = "world",
        Tags = ["earthquake", "Japan"],
    };

    /// <summary>The wire story as a regional paper ran it: new headline, a word changed, a closing line added.</summary>
    public static Article QuakeCopy() => new()
    {
        Url = "https://regional.example/news/2024/01/01/quake",
        SourceDomain = "regional.example",
        SiteName = "The Regional",
        Title = "Japan hit by strong quake, tsunami warning issued",
        Text = QuakeText.Replace("toppling houses", "toppling homes").Replace("Monday", "New Year's Day")
            + "\nThis story has been updated with comments from the prime minister.",
        Authors = ["Mari Yamaguchi"],
        Published = "2024-01-01T18:30:00+09:00",
        Language = "en",
        Section = "news",
        Tags = ["Japan"],
    };

    /// <summary>A different article on the same event.</summary>
    public static Article QuakeAnalysis() => new()
    {
        Url = "https://science.example/analysis/why-japan-quakes",
        SourceDomain = "science.example",
        Title = "Why central Japan keeps shaking",
        Text = "Seismologists have watched the Noto peninsula for years as swarms of small tremors rattled the region.\n" +
               "Fluid rising from deep underground may be weakening faults, according to researchers at Kyoto University.\n" +
               "The New Year earthquake released far more energy than the earlier swarms and lifted parts of the coastline by several metres.\n" +
               "Building codes introduced after the 1995 Kobe disaster saved many lives, engineers said, although older wooden houses fared badly.",
        Authors = ["Hiro Tanaka"],
        Published = "2024-01-03T08:00:00+00:00",
        Language = "en",
        Section = "science",
        Tags = ["earthquake", "Japan", "seismology"],
    };

    public static Article Markets() => new()
    {
        Url = "https://markets.example/stocks/tokyo-open",
        SourceDomain = "markets.example",
        Title = "Tokyo stocks slip as investors weigh quake costs",
        Text = "Shares in insurers fell sharply in Tokyo on Tuesday as traders weighed the cost of rebuilding after the disaster.\n" +
               "The benchmark Nikkei index closed down 0.6 percent, while the yen strengthened against the dollar.",
        Authors = ["Ann Lee", "Bo Chan"],
        Published = "2024-01-02",
        Language = "en",
        Tags = ["markets"],
    };

    public static Article German() => new()
    {
        Url = "https://nachrichten.example/politik/massnahmen",
        SourceDomain = "nachrichten.example",
        Title = "Regierung beschließt neue Maßnahmen",
        Text = "Die Bundesregierung hat am Mittwoch ein Paket neuer Maßnahmen für den Wiederaufbau beschlossen.\n" +
               "Die Hilfen sollen vor allem Gemeinden an der Küste zugutekommen, sagte die Ministerin in Berlin.",
        Published = "2024-01-04T10:00:00+01:00",
        Language = "de",
        Section = "politik",
    };

    public static IReadOnlyList<Article> All() => [Quake(), QuakeCopy(), QuakeAnalysis(), Markets(), German()];
}
