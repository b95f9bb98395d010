using System.Globalization;
using Gleaner.Formats;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// A date found on a page, with what the page actually said: a date alone, or a time too,
/// with or without an offset. Written as ISO 8601 keeping only what was given.
/// </summary>
/// <param name="Value">The instant; the offset is the page's, or UTC when it gave none.</param>
/// <param name="HasTime">The page gave a time of day.</param>
/// <param name="HasOffset">The page said the offset (<c>Z</c>, <c>+02:00</c>, <c>EDT</c>); without it the time is wall-clock time read as UTC.</param>
internal readonly record struct PageDate(DateTimeOffset Value, bool HasTime, bool HasOffset = false)
{
    /// <summary><c>2021-09-27T19:51:00+00:00</c> when a time is known, else <c>2021-09-27</c>.
    /// A time given without an offset is taken as UTC, the common convention of news metadata.</summary>
    public string ToIso() => HasTime
        ? IsoDates.FormatSeconds(Value)
        : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly Day => DateOnly.FromDateTime(Value.DateTime);
}
