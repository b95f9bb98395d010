using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>The phrase search gives the answers of one ordinal search of the whole set, whether or not the text is ASCII
/// and whether or not it holds the characters that mark the non-ASCII phrases.</summary>
public class PhraseSearchTests
{
    private static readonly PhraseSearch Search = new(["min read", "nur für abonnenten", "会員限定", "sur 5 étoiles"]);

    [Theory]
    [InlineData("5 min read", true)]
    [InlineData("5 min read \u2014 by \u201cAnn\u201d", true)]   // non-ASCII, none of the marks
    [InlineData("für 5 min read", true)]                          // a mark, an ASCII phrase
    [InlineData("nur für abonnenten", true)]
    [InlineData("この記事は会員限定です", true)]
    [InlineData("4 sur 5 étoiles", true)]
    [InlineData("nur fur abonnenten", false)]
    [InlineData("Nur für Abonnenten", false)]                     // ordinal: the callers lower-case first
    [InlineData("für alle \u2014 sur 5 etoiles", false)]
    [InlineData("minutes", false)]
    [InlineData("", false)]
    public void FindsThePhrasesOfTheWholeSet(string text, bool expected) => Assert.Equal(expected, Search.In(text));
}
