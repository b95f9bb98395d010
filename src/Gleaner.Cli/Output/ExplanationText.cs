using System.Globalization;
using Gleaner.Extraction;

namespace Gleaner.Cli.Output;

/// <summary>
/// An extraction's explanation for people, after the body: one entry per field (value, source, confidence, the
/// other candidates and why they lost), then the body's container and the dropped blocks. Plain text or Markdown.
/// </summary>
internal static class ExplanationText
{
    public static void Write(TextWriter text, Explanation explanation, bool markdown)
    {
        text.WriteLine();
        text.WriteLine(markdown ? "## Explanation" : "-- explanation --");
        foreach (var (name, field) in explanation.Fields)
        {
            text.WriteLine();
            var confidence = field.Value is null ? "" : $" (confidence {field.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})";
            if (markdown)
            {
                text.WriteLine($"- **{name}**: {Code(field.Value ?? "none")}{confidence}");
                if (field.Source is not null)
                    text.WriteLine($"  - from {Code(field.Source)}");
                foreach (var other in field.Others)
                    text.WriteLine($"  - {Code(other.Source)}: {Code(other.Value)}, {other.Reason}");
            }
            else
            {
                text.WriteLine($"{name}: {field.Value ?? "none"}{confidence}");
                if (field.Source is not null)
                    text.WriteLine($"  from {field.Source}");
                foreach (var other in field.Others)
                    text.WriteLine($"  - {other.Source}: {other.Value} ({other.Reason})");
            }
        }
        var body = explanation.Body;
        text.WriteLine();
        var score = body.Score.ToString("0.0", CultureInfo.InvariantCulture);
        if (markdown)
        {
            text.WriteLine($"- **body**: from {Code(body.Source ?? "none")}, container {Code(body.Container ?? "none")}, score {score}");
            foreach (var dropped in body.Dropped)
                text.WriteLine($"  - dropped ({dropped.Rule}): {Code(dropped.Text)}");
        }
        else
        {
            text.WriteLine($"body: from {body.Source ?? "none"}, container {body.Container ?? "none"}, score {score}");
            foreach (var dropped in body.Dropped)
                text.WriteLine($"  - dropped ({dropped.Rule}): {dropped.Text}");
        }
    }

    /// <summary>Inline code that survives backticks in the value.</summary>
    private static string Code(string value) => value.Contains('`') ? $"`` {value} ``" : $"`{value}`";
}
