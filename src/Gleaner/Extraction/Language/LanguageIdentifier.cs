using System.Collections.Concurrent;
using Lingua;
using LinguaLanguage = Lingua.Language;

namespace Gleaner.Extraction.Language;

/// <summary>
/// Settles the article's language: the page's declared language when its text agrees, else the
/// language detected in the text. Runs after the body is extracted. Agreement is checked cheaply
/// (the script; the share of the declared language's function words); Lingua is asked only when
/// the cheap evidence is unclear.
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

    /// <summary>
    /// Built once, on first need. Low-accuracy mode uses Lingua's trigram models only: measured here
    /// it needs 44 MB instead of 840 MB and 14 ms instead of 13-100 ms per page of 400 characters, and it is as right
    /// as the full mode on samples of hundreds of characters, which is what it gets.
    /// </summary>
    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Lingua loads a language's models (compressed JSON) the first time it weighs that language, and weighs every
    /// language of the sample's alphabet: the first Latin-script page of a fresh process loaded 61 models (25
    /// languages) for ~0.7 CPU-s. So it weighs only the languages whose function words the sample holds most, those
    /// its letters mark, English and those the function-word table does not know: on running prose the winner is among
    /// them (Lingua scores each language on its own, so the narrower choice gives the same answer).
    /// </summary>
    private const int MaxCandidates = 6;

    private static readonly Dictionary<string, LinguaLanguage> LanguagesByCode =
        Languages.ToDictionary(l => l.IsoCode6391().ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Letters that only a few of the languages write: a sample holding one of them has those languages
    /// among its candidates even when a short or list-like sample shows few of their function words.</summary>
    private static readonly (string Letters, LinguaLanguage[] Languages)[] MarkedLetters =
    [
        ("ß", [LinguaLanguage.German]),
        ("ñ", [LinguaLanguage.Spanish]),
        ("ãõ", [LinguaLanguage.Portuguese]),
        ("çœ", [LinguaLanguage.French, LinguaLanguage.Portuguese, LinguaLanguage.Catalan, LinguaLanguage.Turkish]),
        ("ìò", [LinguaLanguage.Italian, LinguaLanguage.Catalan]),
        ("łśźżńąę", [LinguaLanguage.Polish]),
        ("řůě", [LinguaLanguage.Czech]),
        ("ľĺŕ", [LinguaLanguage.Slovak]),
        ("ýť", [LinguaLanguage.Czech, LinguaLanguage.Slovak]),
        ("őű", [LinguaLanguage.Hungarian]),
        ("ğış", [LinguaLanguage.Turkish]),
        ("șțşţ", [LinguaLanguage.Romanian]),
        ("ăâî", [LinguaLanguage.Romanian, LinguaLanguage.Vietnamese]),
        ("đć", [LinguaLanguage.Croatian, LinguaLanguage.Serbian]),
        ("čšž", [LinguaLanguage.Croatian, LinguaLanguage.Slovene, LinguaLanguage.Czech, LinguaLanguage.Slovak]),
        ("æøå", [LinguaLanguage.Danish, LinguaLanguage.Bokmal, LinguaLanguage.Swedish]),
        ("äö", [LinguaLanguage.German, LinguaLanguage.Swedish, LinguaLanguage.Finnish, LinguaLanguage.Estonian]),
        ("õšž", [LinguaLanguage.Estonian]),
        ("ąčęėįšųūž", [LinguaLanguage.Lithuanian]),
        ("āčēģīķļņšūž", [LinguaLanguage.Latvian]),
        ("ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", [LinguaLanguage.Vietnamese]),
    ];

    /// <summary>The languages the function-word table does not know and no marked letter names: weighed on every sample.
    /// Those with marked letters (Lithuanian, Latvian, Estonian: their running text always writes some) are weighed only when
    /// the sample holds one, which spares a Latin-script sample in another language the loading of their three models.</summary>
    private static readonly LinguaLanguage[] LanguagesWithoutFunctionWords =
        Languages.Where(l => !FunctionWords.Knows(l.IsoCode6391().ToString().ToLowerInvariant()) && !IsMarked(l)).ToArray();

    private static bool IsMarked(LinguaLanguage language)
    {
        foreach (var (_, languages) in MarkedLetters)
            if (Array.IndexOf(languages, language) >= 0)
                return true;
        return false;
    }

    /// <summary>Lingua reads this much: its cost grows with the text, its accuracy stops growing well before.</summary>
    private const int DetectorSampleChars = 300;

    /// <summary>A declared language is confirmed when this share of the words are its function words
    /// (running text in a language has 25-50 %) and no other language's share is much higher.</summary>
    private const double ConfirmingShare = 0.10;

    /// <summary>An undeclared page is settled without the detector when one language's function words
    /// make this share and beat the next language clearly.</summary>
    private const double SettlingShare = 0.15;

    public static void Fill(PageContext page, Article article)
    {
        if (!page.Options.DetectLanguage)
            return;
        var sample = Sample(article);
        if (sample is null)
            return;
        article.Language = Identify(sample, article.Language);
    }

    /// <summary>The language of <paramref name="sample"/>, given what the page declared.</summary>
    internal static string? Identify(string sample, string? declared)
    {
        switch (DominantScript(sample))
        {
            case Script.Kana:
                return "ja";
            case Script.Hangul:
                return "ko";
            case Script.Han:
                return declared is "zh" or "ja" ? declared : "zh";
            case Script.Greek:
                return "el";
            case Script.Thai:
                return "th";
            case Script.Hebrew:
                return declared is "he" or "yi" ? declared : "he";
            case Script.Devanagari:
                return declared is "hi" or "mr" or "ne" ? declared : "hi";
            case Script.Arabic:
                return declared is "ar" or "fa" or "ur" or "ps" or "ku" ? declared : Detect(sample, shares: null) ?? declared;
        }

        var shares = FunctionWords.Shares(sample);
        if (declared is not null)
        {
            var bestShare = Ranking(shares).BestShare;
            // Languages the table does not know (Basque, Galician, Serbian...) keep their declaration.
            if (!FunctionWords.Knows(declared) || bestShare < ConfirmingShare)
                return declared;
            if (shares[declared] >= ConfirmingShare && shares[declared] >= 0.6 * bestShare)
                return declared;
            // The text reads as another language (a CMS default of lang="en" on a German page): decided as if undeclared,
            // keeping the declaration when even the detector is unsure.
        }
        return Settle(sample, shares) ?? Detect(sample, shares) ?? declared;
    }

    /// <summary>
    /// The language the cheap evidence settles without the detector, or null: one language's function words make a
    /// clear share and beat the next clearly, or they lead with a fair share and the sample writes letters that only
    /// that language writes (and none that only another writes), as in a Portuguese results table ("classificação",
    /// a share of 0.11). Lingua costs milliseconds a page and, the first time it weighs a language in a process, the
    /// loading of that language's models (a cold run's largest single cost after the parse).
    /// </summary>
    internal static string? Settle(string sample, Dictionary<string, double> shares)
    {
        var (best, bestShare, secondShare) = Ranking(shares);
        if (best is null || bestShare < ConfirmingShare)
            return null;
        if (bestShare >= SettlingShare && bestShare >= 1.5 * secondShare)
            return best;
        return HasOnlyLettersOf(sample, best) ? best : null;
    }

    /// <summary>Whether the sample writes letters that only <paramref name="code"/> writes among the languages, and none
    /// that only another one writes.</summary>
    private static bool HasOnlyLettersOf(string sample, string code)
    {
        var found = false;
        foreach (var (letters, language) in OwnLetters)
        {
            if (!Holds(sample, letters))
                continue;
            if (language != code)
                return false;
            found = true;
        }
        return found;
    }

    /// <summary>For each language that has some, the letters of <see cref="MarkedLetters"/> that no other language writes
    /// (õ is both Portuguese and Estonian, so neither's).</summary>
    private static readonly (string Letters, string Code)[] OwnLetters = BuildOwnLetters();

    private static (string Letters, string Code)[] BuildOwnLetters()
    {
        var own = new List<(string, string)>();
        foreach (var (letters, languages) in MarkedLetters)
        {
            if (languages.Length != 1)
                continue;
            var kept = new string(letters.Where(c => IsWrittenOnlyBy(c, languages[0])).ToArray());
            if (kept.Length > 0)
                own.Add((kept, languages[0].IsoCode6391().ToString().ToLowerInvariant()));
        }
        return [.. own];
    }

    private static bool IsWrittenOnlyBy(char letter, LinguaLanguage language)
    {
        foreach (var (letters, languages) in MarkedLetters)
            if (letters.Contains(letter) && (languages.Length != 1 || languages[0] != language))
                return false;
        return true;
    }

    private static bool Holds(string sample, string letters)
        => sample.AsSpan().IndexOfAny(letters) >= 0 || sample.AsSpan().IndexOfAny(letters.ToUpperInvariant()) >= 0;

    private static (string? Best, double BestShare, double SecondShare) Ranking(Dictionary<string, double> shares)
    {
        string? best = null;
        double bestShare = 0, secondShare = 0;
        foreach (var (code, share) in shares)
        {
            if (share > bestShare)
            {
                secondShare = bestShare;
                best = code;
                bestShare = share;
            }
            else if (share > secondShare)
                secondShare = share;
        }
        return (best, bestShare, secondShare);
    }

    /// <summary>Lingua's answer for <paramref name="sample"/>, weighing the likeliest languages by <paramref name="shares"/> (all when null).</summary>
    private static string? Detect(string sample, Dictionary<string, double>? shares)
    {
        if (sample.Length > DetectorSampleChars)
        {
            var cut = sample.LastIndexOf(' ', DetectorSampleChars);
            sample = sample[..(cut > DetectorSampleChars / 2 ? cut : DetectorSampleChars)];
        }
        var candidates = shares is null ? null : Candidates(sample, shares);
        var detector = candidates is null ? Detector.Value : DetectorFor(candidates);
        var detected = detector.DetectLanguageOf(sample);
        if (detected == LinguaLanguage.Unknown)
            return null;
        var code = detected.IsoCode6391().ToString().ToLowerInvariant();
        return code;
    }

    /// <summary>Detectors by candidate set (one bit per language of <see cref="Languages"/>): building one costs a third of
    /// a detection. Bounded: past the cap, sets are built each time.</summary>
    private static readonly ConcurrentDictionary<ulong, LanguageDetector> DetectorsByCandidates = new();

    private const int MaxCachedDetectors = 256;

    private static LanguageDetector DetectorFor(LinguaLanguage[] candidates)
    {
        var key = 0UL;
        foreach (var language in candidates)
            key |= 1UL << Array.IndexOf(Languages, language);
        if (DetectorsByCandidates.TryGetValue(key, out var detector))
            return detector;
        detector = LanguageDetectorBuilder.FromLanguages(candidates).WithLowAccuracyMode().Build();
        if (DetectorsByCandidates.Count < MaxCachedDetectors)
            DetectorsByCandidates.TryAdd(key, detector);
        return detector;
    }

    /// <summary>The languages with the largest function-word shares (up to <see cref="MaxCandidates"/>), those whose marked
    /// letters the sample holds and those the table does not know; null when no function word was seen (then nothing
    /// narrows the choice).</summary>
    internal static LinguaLanguage[]? Candidates(string sample, Dictionary<string, double> shares)
    {
        var candidates = new HashSet<LinguaLanguage>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (taken.Count < MaxCandidates)
        {
            // The largest share not yet taken; ties go to the table's first, so a sample always gets the same candidates.
            string? next = null;
            double nextShare = 0;
            foreach (var (code, share) in shares)
                if (share > nextShare && !taken.Contains(code))
                    (next, nextShare) = (code, share);
            if (next is null)
                break;
            taken.Add(next);
            if (LanguagesByCode.TryGetValue(next, out var language))
                candidates.Add(language);
        }
        if (taken.Count == 0)
            return null;
        candidates.UnionWith(LanguagesWithoutFunctionWords);
        // English is always weighed: most pages are, and a short English text can hold none of the table's English words.
        candidates.Add(LinguaLanguage.English);
        foreach (var (letters, languages) in MarkedLetters)
            if (Holds(sample, letters))
                candidates.UnionWith(languages);
        return [.. candidates];
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

    private enum Script { Latin, Cyrillic, Kana, Han, Hangul, Greek, Hebrew, Arabic, Thai, Devanagari, Other }

    /// <summary>
    /// The script of most letters; Japanese is recognised by any real share of kana, since Japanese
    /// text mixes kana with Han characters while Chinese has none.
    /// </summary>
    private static Script DominantScript(string sample)
    {
        Span<int> counts = stackalloc int[(int)Script.Other + 1];
        var end = Math.Min(sample.Length, SampleChars);
        for (var i = 0; i < end; i++)
        {
            var c = sample[i];
            if (char.IsLetter(c))
                counts[(int)ScriptOf(c)]++;
        }
        var letters = 0;
        foreach (var count in counts)
            letters += count;
        if (letters == 0)
            return Script.Other;
        if (counts[(int)Script.Kana] * 10 >= letters)
            return Script.Kana;
        var best = Script.Latin;
        for (var script = Script.Latin; script <= Script.Other; script++)
            if (counts[(int)script] > counts[(int)best])
                best = script;
        return best;
    }

    private static Script ScriptOf(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u1e00' and <= '\u1eff' => Script.Latin,
        >= '\u0400' and <= '\u052f' => Script.Cyrillic,
        >= '\u3040' and <= '\u30ff' => Script.Kana,
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
