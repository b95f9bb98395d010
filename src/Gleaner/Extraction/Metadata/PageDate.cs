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
    /// <summary><c>2021-09-27T19:51:00+02:00</c> when a time and its offset are known, <c>2021-09-27T19:51:00</c> when the page
    /// gave the time but no zone (writing <c>+00:00</c> would claim one it never gave: a local "19:51" is rarely UTC; readers
    /// of the record take it as UTC for ordering), else <c>2021-09-27</c>.</summary>
    public string ToIso() => HasTime
        ? HasOffset ? IsoDates.FormatSeconds(Value) : Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly Day => DateOnly.FromDateTime(Value.DateTime);
}
