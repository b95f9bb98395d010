using System.Globalization;

namespace Gleaner.Web;

/// <summary>One line of the coverage chart: a site (or all sites) and its articles per day.</summary>
internal sealed record CoverageSeries(string Name, IReadOnlyDictionary<DateOnly, long> PerDay);

/// <summary>
/// The coverage chart, drawn on the server as SVG: articles per day, one line per site. Colours are attributes
/// (no inline style, which the Content-Security-Policy forbids); every label is encoded.
/// </summary>
internal static class CoverageChart
{
    /// <summary>Okabe-Ito: told apart by people with the common colour-vision deficiencies. The first is for "all sites".</summary>
    public static readonly string[] Colors = ["#222222", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#9a8c00"];

    private const int Width = 960, Height = 380, Left = 64, Right = 16, Top = 16, Bottom = 48;

    public static void Write(Html html, IReadOnlyList<CoverageSeries> series, DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        long max = 1;
        foreach (var line in series)
            foreach (var (day, count) in line.PerDay)
                if (day >= first && day <= last && count > max)
                    max = count;
        var step = NiceStep(max / 4.0);
        var top = (long)Math.Ceiling(max / step) * step;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int index) => Left + (days == 1 ? plotWidth / 2.0 : index * (double)plotWidth / (days - 1));
        double Y(long count) => Top + plotHeight - count * (double)plotHeight / top;

        html.Raw($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Raw("<title id=\"chart-title\">Articles per day");
        html.Raw(", ").Text(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw(" to ").Text(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("</title>");
        // Horizontal grid lines with their counts.
        for (var value = 0.0; value <= top + step / 2; value += step)
        {
            var y = F(Y((long)value));
            html.Raw($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            html.Raw($"<text x=\"{Left - 8}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\" fill=\"#555\">")
                .Text(((long)value).ToString("N0", CultureInfo.InvariantCulture)).Raw("</text>");
        }
        // Up to eight dates along the bottom.
        var every = Math.Max(1, (int)Math.Ceiling(days / 8.0));
        for (var i = 0; i < days; i += every)
        {
            var x = F(X(i));
            html.Raw($"<line x1=\"{x}\" x2=\"{x}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight + 5}\" stroke=\"#555\"/>");
            html.Raw($"<text x=\"{x}\" y=\"{Top + plotHeight + 20}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">")
                .Text(first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("</text>");
        }
        html.Raw($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\" stroke=\"#555\"/>");
        for (var s = series.Count - 1; s >= 0; s--) // "all sites" last, on top
        {
            var color = Colors[s % Colors.Length];
            var points = new System.Text.StringBuilder();
            for (var i = 0; i < days; i++)
            {
                series[s].PerDay.TryGetValue(first.AddDays(i), out var count);
                points.Append(F(X(i))).Append(',').Append(F(Y(count))).Append(' ');
            }
            html.Raw("<g><title>").Text(series[s].Name).Raw("</title>");
            html.Raw($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{(s == 0 ? 2.5 : 1.75).ToString(CultureInfo.InvariantCulture)}\" stroke-linejoin=\"round\" points=\"{points.ToString().TrimEnd()}\"/>");
            if (days <= 62)
            {
                for (var i = 0; i < days; i++)
                {
                    series[s].PerDay.TryGetValue(first.AddDays(i), out var count);
                    html.Raw($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(count))}\" r=\"3\" fill=\"{color}\"><title>")
                        .Text(series[s].Name).Raw(", ").Text(first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                        .Raw(": ").Text(count.ToString("N0", CultureInfo.InvariantCulture)).Raw("</title></circle>");
                }
            }
            html.Raw("</g>");
        }
        html.Raw("</svg>");
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 1)
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in (ReadOnlySpan<double>)[1, 2, 5, 10])
            if (factor * power >= rough)
                return factor * power;
        return 10 * power;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
