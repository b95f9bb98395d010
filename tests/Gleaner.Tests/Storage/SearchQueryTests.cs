using Gleaner.Storage.Search;

namespace Gleaner.Tests.Storage;

public class SearchQueryTests
{
    [Theory]
    [InlineData("north korea", "(\"north\" AND \"korea\")")]
    [InlineData("\"north korea\" talks", "(\"north korea\" AND \"talks\")")]
    [InlineData("korea -south", "((\"korea\") NOT \"south\")")]
    [InlineData("korea -south -\"kim jong\"", "(((\"korea\") NOT \"south\") NOT \"kim jong\")")]
    [InlineData("korea OR japan", "(\"korea\" OR \"japan\")")]
    [InlineData("a b OR c", "((\"a\" AND \"b\") OR \"c\")")]
    [InlineData("(korea OR japan) missile", "((\"korea\" OR \"japan\") AND \"missile\")")]
    [InlineData("korea*", "\"korea\" *")]
    [InlineData("covid-19", "\"covid 19\"")]
    [InlineData("Korea", "\"korea\"")]
    [InlineData("korea & japan", "(\"korea\" AND \"japan\")")]
    [InlineData("or and not near", "(\"or\" AND \"and\" AND \"not\" AND \"near\")")]
    public void TranslatesToFts5(string query, string expected) =>
        Assert.Equal(expected, Fts5Query.Translate(SearchQuery.Parse(query)));

    [Theory]
    [InlineData("\"the company said\"", new[] { "the", "company", "said" })]
    [InlineData("\"korea\"", null)]
    [InlineData("\"new yor\" *", null)]
    public void SpellsOutTheWordsOfAPhraseOfSeveral(string phrase, string[]? words) =>
        Assert.Equal(words, Fts5Query.PhraseWords(phrase));

    [Theory]
    [InlineData("korea", new[] { "\"korea\"" })]
    [InlineData("korea* -\"kim jong\" OR japan", new[] { "\"korea\" *", "\"kim jong\"", "\"japan\"" })]
    [InlineData("(a OR b) c -d", new[] { "\"a\"", "\"b\"", "\"c\"", "\"d\"" })]
    public void ListsTheFts5PhrasesInTheirOrder(string query, string[] phrases) =>
        Assert.Equal(phrases, Fts5Query.Phrases(Fts5Query.Translate(SearchQuery.Parse(query))));

    [Fact]
    public void ReadsAQuoteInsideAPhraseAsPartOfIt() =>
        Assert.Equal(["\"a\"\"b\"", "\"c\""], Fts5Query.Phrases("(\"a\"\"b\" AND \"c\")"));

    [Fact]
    public void TranslatesToTsQueryWithParametersOnly()
    {
        var translated = TsQuery.Translate(SearchQuery.Parse("\"north korea\" talks* -south OR 'japan'"));
        Assert.Equal(
            "((phraseto_tsquery({cfg}, @q0) && to_tsquery({cfg}, @q1) && !!plainto_tsquery({cfg}, @q2)) || plainto_tsquery({cfg}, @q3))",
            translated.Template);
        Assert.Equal(["north korea", "'talks':*", "south", "japan"], translated.Values);
        Assert.DoesNotContain("japan", translated.ForConfiguration("@cfg0::regconfig"));
    }

    [Fact]
    public void QuotesInWordsNeverReachTheQueryLanguage()
    {
        var fts = Fts5Query.Translate(SearchQuery.Parse("o'brien \"x\"\"y\" NEAR(a b)"));
        Assert.Equal("(\"o brien\" AND \"x\" AND \"y\" AND \"near\" AND (\"a\" AND \"b\"))", fts);
    }

    [Theory]
    [InlineData("", "no words")]
    [InlineData("   ", "no words")]
    [InlineData("&& ||", "no words")]
    [InlineData("\"north korea", "not closed")]
    [InlineData("\"\" korea", "has no words")]
    [InlineData("-korea", "not only -excluded")]
    [InlineData("japan OR -korea", "not only -excluded")]
    [InlineData("korea OR", "between two alternatives")]
    [InlineData("OR korea", "between two alternatives")]
    [InlineData("korea OR OR japan", "between two alternatives")]
    [InlineData("(korea", "not closed")]
    [InlineData("korea)", "no matching '('")]
    [InlineData("()", "empty")]
    [InlineData("*", "must follow a word")]
    public void RejectsMalformedQueriesWithAReason(string query, string reason)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(query));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void ALoneDashBetweenSpacesIsPunctuationNotAnExclusion() =>
        Assert.Equal("(\"korea\" AND \"japan\")", Fts5Query.Translate(SearchQuery.Parse("korea - japan")));

    [Fact]
    public void RejectsOverlongQueries() =>
        Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)));

    private static string Repeat(string part, int count, string separator = " ") => string.Join(separator, Enumerable.Repeat(part, count));

    public static TheoryData<string, string> OverLimitQueries => new()
    {
        { Repeat("c*", 60), "at least 3 letters or digits" },
        { "ko*", "at least 3 letters or digits" },
        { "covid-19*", "at least 3 letters or digits" },
        { Repeat("korea*", SearchQuery.MaxPrefixTerms + 1), $"more than {SearchQuery.MaxPrefixTerms} prefix words" },
        { Repeat("word", SearchQuery.MaxTerms + 1), $"more than {SearchQuery.MaxTerms} words" },
        { "\"" + Repeat("word", SearchQuery.MaxTerms + 1) + "\"", $"more than {SearchQuery.MaxTerms} words" },
        { Repeat("a-b-c-d", 9), $"more than {SearchQuery.MaxTerms} words" },
        { Repeat("word", SearchQuery.MaxOrOperators + 2, " OR "), $"more than {SearchQuery.MaxOrOperators} ORs" },
        { new string('(', SearchQuery.MaxNesting + 1) + "word" + new string(')', SearchQuery.MaxNesting + 1), $"deeper than {SearchQuery.MaxNesting}" },
        { new string('(', 5000), "longer than" },
    };

    [Theory]
    [MemberData(nameof(OverLimitQueries))]
    public void RefusesQueriesOverTheCostLimitsNamingTheLimit(string query, string reason)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(query));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void AcceptsQueriesAtTheLimits()
    {
        SearchQuery.Parse(Repeat("korea*", SearchQuery.MaxPrefixTerms));
        SearchQuery.Parse("kor* 北京大* " + Repeat("word", SearchQuery.MaxTerms - 2));
        SearchQuery.Parse(Repeat("word", SearchQuery.MaxOrOperators + 1, " OR "));
        SearchQuery.Parse(new string('(', SearchQuery.MaxNesting) + "word" + new string(')', SearchQuery.MaxNesting));
    }
}

public class SearchTimeoutTests
{
    [Fact]
    public async Task ASearchPastItsTimeoutStopsWithATimeoutError()
    {
        var request = new Gleaner.Storage.SearchRequest("x") { Timeout = TimeSpan.FromMilliseconds(20) };
        var error = await Assert.ThrowsAsync<Gleaner.Storage.SearchTimeoutException>(() =>
            Gleaner.Storage.StoreRecords.WithTimeoutAsync<int>(request, async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            }, CancellationToken.None));
        Assert.Contains("longer than 0.02 s", error.Message);
    }
}
