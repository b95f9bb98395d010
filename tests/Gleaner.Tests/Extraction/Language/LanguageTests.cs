using Gleaner.Extraction;
using Gleaner.Extraction.Language;
using LinguaLanguage = Lingua.Language;

namespace Gleaner.Tests.Extraction.Language;

public class LanguageTests
{
    private const string English = "The city council approved the new budget on Tuesday after a long debate about school funding and road repairs. "
        + "Several members said the plan would raise taxes for families, while the mayor argued that the investment was overdue.";

    private const string German = "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Finanzierung der Schulen und die Reparatur der Straßen den neuen Haushalt beschlossen. "
        + "Mehrere Mitglieder sagten, der Plan werde die Steuern für Familien erhöhen, während der Bürgermeister die Investition für überfällig hielt.";

    private const string Japanese = "市議会は火曜日、学校の予算と道路の補修をめぐる長い議論の末に、新しい予算案を可決した。複数の議員は家族の税負担が増えると述べたが、市長は投資が遅すぎたと主張した。";

    private static string? Language(string htmlAttributes, string head, string text, bool detect = true)
        => new ArticleExtractor(new ExtractionOptions { DetectLanguage = detect })
            .Extract($"<html {htmlAttributes}><head>{head}</head><body><article><p>{text}</p></article></body></html>").Language;

    [Fact]
    public void DeclaredLanguageIsKeptWhenTheTextAgrees()
    {
        Assert.Equal("en", Language("lang=\"en-US\"", "", English));
        Assert.Equal("de", Language("lang=\"de-DE\"", "", German));
    }

    [Fact]
    public void DetectsTheLanguageWhenNoneIsDeclared()
    {
        Assert.Equal("de", Language("", "", German));
        Assert.Equal("en", Language("", "", English));
    }

    [Fact]
    public void TheTextOverridesAWrongDeclaration()
    {
        // A CMS default lang="en" on a German article.
        Assert.Equal("de", Language("lang=\"en\"", "", German));
    }

    [Fact]
    public void ScriptConfirmsALanguageWithItsOwnWritingSystem()
    {
        Assert.Equal("ja", Language("lang=\"ja\"", "", Japanese));
    }

    [Theory]
    [InlineData("<meta http-equiv=\"content-language\" content=\"de\">")]
    [InlineData("<meta property=\"og:locale\" content=\"de_DE\">")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"inLanguage\":\"de-AT\"}</script>")]
    public void ReadsOtherDeclarations(string head)
    {
        Assert.Equal("de", Language("", head, "Kurz.", detect: false));
    }

    [Fact]
    public void TooLittleTextKeepsTheDeclaration()
    {
        Assert.Equal("fr", Language("lang=\"fr\"", "", "OK"));
        Assert.Null(Language("", "", "OK"));
    }

    [Fact]
    public void EnglishWithoutTheTablesEnglishWordsIsStillEnglish()
    {
        // Its only table words ("a", "I") are other languages' (Czech, Catalan, Polish...): the detector is asked, and
        // English is weighed although its function words did not rank it.
        const string sample = "I am a data scientist, I'm just a developer. Before I introduce new dependencies into my system I make sure I really can't do without them.";
        Assert.Equal("en", LanguageIdentifier.Identify(sample, declared: null));
    }

    [Fact]
    public void LettersOfFewLanguagesMakeThemCandidates()
    {
        // Six languages outrank Turkish by function words, but only Turkish writes ı, ş and ğ.
        const string sample = "Sokağın sonunda, eski fırının önünde uzun bir kuyruk vardı; herkes sıcak ekmek almak için sabırla bekliyordu.";
        var shares = new Dictionary<string, double> { ["pt"] = 0.2, ["cs"] = 0.2, ["sk"] = 0.2, ["ro"] = 0.2, ["hr"] = 0.2, ["pl"] = 0.2, ["tr"] = 0 };
        var candidates = LanguageIdentifier.Candidates(sample, shares);
        Assert.NotNull(candidates);
        Assert.Contains(LinguaLanguage.Turkish, candidates);
        Assert.Contains(LinguaLanguage.Polish, candidates);
        Assert.DoesNotContain(LinguaLanguage.Dutch, candidates);
    }

    [Fact]
    public void BalticLanguagesAreWeighedOnlyOnSamplesWithTheirLetters()
    {
        // The table has no function words for them; their letters bring them in instead, so an English sample does not
        // load their models.
        var shares = new Dictionary<string, double> { ["en"] = 0.12, ["nl"] = 0.08 };
        var english = LanguageIdentifier.Candidates(English, shares)!;
        Assert.DoesNotContain(LinguaLanguage.Lithuanian, english);
        Assert.DoesNotContain(LinguaLanguage.Latvian, english);
        Assert.DoesNotContain(LinguaLanguage.Estonian, english);
        Assert.Contains(LinguaLanguage.Lithuanian, LanguageIdentifier.Candidates("Miesto taryba patvirtino biudžetą", shares)!);
        Assert.Contains(LinguaLanguage.Latvian, LanguageIdentifier.Candidates("Pilsētas dome apstiprināja budžetu", shares)!);
        Assert.Contains(LinguaLanguage.Estonian, LanguageIdentifier.Candidates("Linnavolikogu kiitis heaks eelarve, mis tõstab makse", shares)!);
    }

    [Theory]
    [InlineData("lt", "Miesto taryba antradienį po ilgų diskusijų patvirtino naują biudžetą mokykloms ir keliams taisyti. Keli nariai teigė, kad planas padidins mokesčius šeimoms, o meras sakė, kad investicijos buvo seniai reikalingos.")]
    [InlineData("lv", "Pilsētas dome otrdien pēc ilgām debatēm apstiprināja jauno budžetu skolām un ceļu remontam. Vairāki deputāti sacīja, ka plāns palielinās nodokļus ģimenēm, bet mērs apgalvoja, ka ieguldījums bija sen nokavēts.")]
    [InlineData("et", "Linnavolikogu kiitis teisipäeval pärast pikka arutelu heaks uue eelarve koolide ja teede remondiks. Mitu liiget ütlesid, et kava tõstab perede makse, kuid linnapea väitis, et investeering oli ammu hilinenud.")]
    public void BalticTextIsDetected(string expected, string sample) =>
        Assert.Equal(expected, LanguageIdentifier.Identify(sample, declared: null));

    [Fact]
    public void AContradictedDeclarationIsSettledByClearFunctionWords()
    {
        // A German text under lang="en" is decided by its function words as an undeclared one would be, without the detector.
        Assert.Equal("de", LanguageIdentifier.Settle(German, FunctionWords.Shares(German)));
        Assert.Equal("de", LanguageIdentifier.Identify(German, declared: "en"));
    }

    [Fact]
    public void LettersOnlyTheLeadingLanguageWritesSettleAFairShare()
    {
        // A results table: Portuguese function words lead with a share too small to settle alone, and ã is written
        // only by Portuguese among the languages weighed.
        var shares = new Dictionary<string, double> { ["pt"] = 0.11, ["hr"] = 0.08, ["it"] = 0.05 };
        Assert.Equal("pt", LanguageIdentifier.Settle("Classificação final após 36 etapas: Pos. | Piloto | Pontos", shares));
        // Without such letters, or with letters only another language writes (ř: Czech), the detector decides.
        Assert.Null(LanguageIdentifier.Settle("Classificacao final apos 36 etapas: Pos. | Piloto | Pontos", shares));
        Assert.Null(LanguageIdentifier.Settle("Classificação final: Antonín Dvořák | Pontos", shares));
        // õ is Estonian too, so it marks neither.
        Assert.Null(LanguageIdentifier.Settle("Votos nas eleições | Piloto | Pontos", shares));
    }

    [Fact]
    public void WithoutFunctionWordsEveryLanguageIsWeighed()
    {
        var shares = new Dictionary<string, double> { ["en"] = 0, ["de"] = 0 };
        Assert.Null(LanguageIdentifier.Candidates("Sokağın sonunda", shares));
    }
}
