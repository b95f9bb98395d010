using AngleSharp.Html.Parser;
using Gleaner.Extraction.Content;

namespace Gleaner.Tests.Extraction.Content;

public class BoilerplateSignalsTests
{
    /// <summary>A class or id value weighs the same each time it is met, after other values in between as on first sight:
    /// the weights remembered per value answer as the words do.</summary>
    [Fact]
    public void AValueWeighsTheSameEachTimeItIsMet()
    {
        var html = string.Concat(Enumerable.Range(0, 3000).Select(i => $"""<div class="x{i} related-posts"></div><div class="entry-content c{i}"></div><div id="comments"></div><div class="related-posts"></div>"""));
        using var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var answers = document.Body!.Children.Select(element => (element.ClassName, element.Id, Weight: BoilerplateSignals.ClassWeight(element, out var strong), strong)).ToList();

        Assert.All(answers.Where(answer => answer.ClassName?.EndsWith("related-posts") == true),
            answer => Assert.Equal((BoilerplateSignals.NegativeClassWeight, true), (answer.Weight, answer.strong)));
        Assert.All(answers.Where(answer => answer.ClassName?.StartsWith("entry-content") == true),
            answer => Assert.Equal((BoilerplateSignals.PositiveClassWeight, false), (answer.Weight, answer.strong)));
        Assert.All(answers.Where(answer => answer.Id == "comments"),
            answer => Assert.Equal((BoilerplateSignals.NegativeClassWeight, true), (answer.Weight, answer.strong)));
    }
}
