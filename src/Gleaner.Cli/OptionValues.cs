using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Gleaner.Cli;

/// <summary>
/// The one way options with numbers and durations are declared and checked: each reads its value
/// itself, so any text (<c>99999999999</c>, <c>-1</c>, <c>99999999d</c>, <c>0</c> where zero is useless)
/// ends as a usage error (exit 2) that names the option and says why, never as an exception.
/// </summary>
internal static class OptionValues
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> WholeNumber(string name, string description, int min, int max, int? defaultValue = null, params string[] aliases)
    {
        var option = new Option<int>(name, aliases) { Description = description, HelpName = "N" };
        if (defaultValue is { } value)
            option.DefaultValueFactory = _ => value;
        option.CustomParser = result => ReadWholeNumber(result, name, min, max) is { } n ? (int)n : 0;
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when not given.</summary>
    public static Option<int?> OptionalWholeNumber(string name, string description, int min, int max)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.CustomParser = result => ReadWholeNumber(result, name, min, max) is { } n ? (int)n : null;
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (64-bit), or null when not given.</summary>
    public static Option<long?> OptionalLongNumber(string name, string description, long min, long max)
    {
        var option = new Option<long?>(name) { Description = description, HelpName = "N" };
        option.CustomParser = result => ReadWholeNumber(result, name, min, max);
        return option;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> (<c>0.9</c>), or null when not given.</summary>
    public static Option<double?> OptionalNumber(string name, string description, double min, double max)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "X" };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var text = result.Tokens[^1].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                result.AddError($"{name}: '{text}' is not a number from {min} to {max}");
                return null;
            }
            if (value < min || value > max)
            {
                result.AddError($"{name}: {text} is out of range: it must be from {min} to {max}");
                return null;
            }
            return value;
        };
        return option;
    }

    /// <summary>A duration (<c>500ms</c>, <c>2s</c>, <c>15m</c>, <c>1h</c>, <c>1d</c>, plain seconds) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<Duration> Duration(string name, string description, TimeSpan min, TimeSpan max, string defaultValue)
    {
        var fallback = new Duration(ParseDuration(defaultValue) ?? throw new ArgumentException($"'{defaultValue}' is not a duration", nameof(defaultValue)));
        var option = new Option<Duration>(name)
        {
            Description = description,
            HelpName = "DURATION",
            DefaultValueFactory = _ => fallback,
        };
        option.CustomParser = result => ReadDuration(result, name, min, max) is { } value ? new Duration(value) : fallback;
        return option;
    }

    /// <summary>A duration from <paramref name="min"/> to <paramref name="max"/>, or null when not given.</summary>
    public static Option<Duration?> OptionalDuration(string name, string description, TimeSpan min, TimeSpan max)
    {
        var option = new Option<Duration?>(name) { Description = description, HelpName = "DURATION" };
        option.CustomParser = result => ReadDuration(result, name, min, max) is { } value ? new Duration(value) : null;
        return option;
    }

    /// <summary>Reads <c>500ms</c>, <c>2s</c>, <c>15m</c>, <c>1h</c>, <c>1d</c> or plain seconds (<c>0.5</c>); null when it is none or
    /// negative; <see cref="TimeSpan.MaxValue"/> when too long to represent (so the range check names it).</summary>
    private static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim().ToLowerInvariant();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : text.EndsWith('d') ? (text[..^1], 86400.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0))
            return null;
        var seconds = value * unit;
        return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
    }

    private static long? ReadWholeNumber(ArgumentResult result, string name, long min, long max)
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[^1].Value;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not a whole number from {min} to {max}");
            return null;
        }
        if (value < min || value > max)
        {
            result.AddError($"{name}: {text} is out of range: it must be from {min} to {max}");
            return null;
        }
        return value;
    }

    private static TimeSpan? ReadDuration(ArgumentResult result, string name, TimeSpan min, TimeSpan max)
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[^1].Value;
        var value = ParseDuration(text);
        if (value is null)
        {
            result.AddError($"{name}: '{text}' is not a duration (500ms, 2s, 15m, 1h, 1d)");
            return null;
        }
        if (value < min || value > max)
        {
            result.AddError($"{name}: {text} is out of range: it must be from {Describe(min)} to {Describe(max)}");
            return null;
        }
        return value;
    }

    internal static string Describe(TimeSpan value) =>
        value == TimeSpan.Zero ? "0"
        : value.TotalDays >= 1 && value.TotalDays % 1 == 0 ? $"{value.TotalDays:0}d"
        : value.TotalHours >= 1 && value.TotalHours % 1 == 0 ? $"{value.TotalHours:0}h"
        : value.TotalMinutes >= 1 && value.TotalMinutes % 1 == 0 ? $"{value.TotalMinutes:0}m"
        : value.TotalSeconds >= 1 && value.TotalSeconds % 1 == 0 ? $"{value.TotalSeconds:0}s"
        : $"{value.TotalMilliseconds:0}ms";
}

/// <summary>A duration option's value, shown in help as it is written (<c>1s</c>, <c>30s</c>), not as <c>00:00:01</c>.</summary>
internal readonly record struct Duration(TimeSpan Value)
{
    public override string ToString() => OptionValues.Describe(Value);
}
