using Gleaner.Extraction;

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
}
