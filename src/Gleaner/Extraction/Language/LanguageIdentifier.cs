using Lingua;
using LinguaLanguage = Lingua.Language;

namespace Gleaner.Extraction.Language;

/// <summary>
/// Settles the article's language: the page's declared language when its text agrees, else the
/// language Lingua detects in the text. Runs after the body is extracted.
/// </summary>
internal static class LanguageIdentifier
{
    /// <summary>Detection reads this much of the body: enough for a sure answer, bounded in time.</summary>
    private const int SampleChars = 1000;

    /// <summary>Below this many letters detection guesses; the declaration (or nothing) is kept.</summary>
    private const int MinLetters = 40;

    /// <summary>The languages news is harvested in most. Fewer languages make the detector faster and
    /// smaller (Lingua keeps n-gram models in memory for each) and avoid confusions with rare relatives.</summary>
    private static readonly LinguaLanguage[] Languages =
    [
        LinguaLanguage.English, LinguaLanguage.German, LinguaLanguage.French, LinguaLanguage.Spanish, LinguaLanguage.Portuguese,
        LinguaLanguage.Italian, LinguaLanguage.Dutch, LinguaLanguage.Polish, LinguaLanguage.Czech, LinguaLanguage.Slovak,
        LinguaLanguage.Swedish, LinguaLanguage.Danish, LinguaLanguage.Bokmal, LinguaLanguage.Finnish, LinguaLanguage.Romanian,
        LinguaLanguage.Hungarian, LinguaLanguage.Turkish, LinguaLanguage.Croatian, LinguaLanguage.Slovene, LinguaLanguage.Catalan,
        LinguaLanguage.Greek, LinguaLanguage.Russian, LinguaLanguage.Ukrainian, LinguaLanguage.Bulgarian, LinguaLanguage.Serbian,
        LinguaLanguage.Arabic, LinguaLanguage.Persian, LinguaLanguage.Hebrew, LinguaLanguage.Hindi, LinguaLanguage.Chinese,
        LinguaLanguage.Japanese, LinguaLanguage.Korean, LinguaLanguage.Vietnamese, LinguaLanguage.Indonesian, LinguaLanguage.Thai,
        LinguaLanguage.Lithuanian, LinguaLanguage.Latvian, LinguaLanguage.Estonian,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Fill(PageContext page, Article article)
    {
        if (!page.Options.DetectLanguage)
            return;
        var sample = Sample(article);
        if (sample is null)
            return;
        var declared = article.Language;
        if (declared is not null && ScriptConfirms(declared, sample))
            return;
        var detected = Detector.Value.DetectLanguageOf(sample);
        if (detected == LinguaLanguage.Unknown)
            return;
        var code = detected.IsoCode6391().ToString().ToLowerInvariant();
        // Norwegian Bokmål is declared as "no" as often as "nb"; either way the page agrees with itself.
        if (declared is "no" && code is "nb")
            return;
        article.Language = code;
    }

    /// <summary>The start of the body (or the title and description when the body is short), or null when too little text.</summary>
    private static string? Sample(Article article)
    {
        var text = article.Text;
        if (text is null || CountLetters(text, SampleChars) < MinLetters)
            text = string.Join(' ', article.Title, article.Description, text);
        if (CountLetters(text, SampleChars) < MinLetters / 2)
            return null;
        if (text.Length <= SampleChars)
            return text;
        // Cut at a space so that no word is half read.
        var cut = text.LastIndexOf(' ', SampleChars);
        return text[..(cut > SampleChars / 2 ? cut : SampleChars)];
    }

    private static int CountLetters(string text, int limit)
    {
        var letters = 0;
        var end = Math.Min(text.Length, limit);
        for (var i = 0; i < end; i++)
            if (char.IsLetter(text[i]))
                letters++;
        return letters;
    }

    /// <summary>
    /// For languages with their own script a declaration is confirmed by the script alone, without
    /// running the detector: a page declared Japanese whose text is mostly kana and kanji is Japanese.
    /// Latin- and Cyrillic-script declarations (shared by many languages, often left at a CMS default)
    /// are checked by the detector.
    /// </summary>
    private static bool ScriptConfirms(string declared, string sample)
    {
        var script = declared switch
        {
            "ja" => Script.Japanese,
            "zh" => Script.Han,
            "ko" => Script.Hangul,
            "el" => Script.Greek,
            "he" => Script.Hebrew,
            "ar" or "fa" or "ur" => Script.Arabic,
            "th" => Script.Thai,
            "hi" or "mr" or "ne" => Script.Devanagari,
            _ => Script.Other,
        };
        if (script == Script.Other)
            return false;
        int matching = 0, letters = 0;
        var end = Math.Min(sample.Length, SampleChars);
        for (var i = 0; i < end; i++)
        {
            var c = sample[i];
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (ScriptOf(c) == script || (script == Script.Japanese && ScriptOf(c) == Script.Han))
                matching++;
        }
        return letters > 0 && matching >= letters / 2;
    }

    private enum Script { Other, Han, Japanese, Hangul, Greek, Hebrew, Arabic, Thai, Devanagari }

    private static Script ScriptOf(char c) => c switch
    {
        >= '\u3040' and <= '\u30ff' => Script.Japanese,
        >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' => Script.Han,
        >= '\uac00' and <= '\ud7af' or >= '\u1100' and <= '\u11ff' => Script.Hangul,
        >= '\u0370' and <= '\u03ff' => Script.Greek,
        >= '\u0590' and <= '\u05ff' => Script.Hebrew,
        >= '\u0600' and <= '\u06ff' or >= '\u0750' and <= '\u077f' => Script.Arabic,
        >= '\u0e00' and <= '\u0e7f' => Script.Thai,
        >= '\u0900' and <= '\u097f' => Script.Devanagari,
        _ => Script.Other,
    };
}
