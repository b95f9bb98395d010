using System.Diagnostics;
using Gleaner.Archives;

namespace Gleaner.Cli.Commands;

/// <summary>One status line on standard error (only when it is a terminal): MB and MB/s read, pages/s, articles found.</summary>
internal sealed class HarvestProgressLine : IDisposable
{
    private readonly WarcHarvestProgress _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _shown;

    private readonly Func<string>? _prefix;

    private HarvestProgressLine(WarcHarvestProgress progress, Func<string>? prefix)
    {
        _progress = progress;
        _prefix = prefix;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
    }

    /// <param name="progress">The counts shown.</param>
    /// <param name="prefix">Text put before them (files done, for CC-NEWS).</param>
    public static HarvestProgressLine? StartIfTerminal(WarcHarvestProgress progress, Func<string>? prefix = null) =>
        Console.IsErrorRedirected ? null : new HarvestProgressLine(progress, prefix);

    private string Text()
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var megabytes = _progress.BytesRead / 1e6;
        return $"{_prefix?.Invoke()}{_progress.Records} records, {megabytes:F0} MB ({megabytes / seconds:F1} MB/s), {_progress.Pages} pages ({_progress.Pages / seconds:F0}/s), {_progress.Articles} articles, {_progress.Issues} problems";
    }

    private void Draw()
    {
        lock (_gate)
        {
            Console.Error.Write("\r\u001b[K" + Text());
            _shown = true;
        }
    }

    /// <summary>Removes the line so that a message can be printed.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown)
                Console.Error.Write("\r\u001b[K");
            _shown = false;
        }
    }

    /// <summary>Prints the final counts on their own line.</summary>
    public void Finish()
    {
        _timer.Dispose();
        lock (_gate)
        {
            Console.Error.WriteLine("\r\u001b[K" + Text());
            _shown = false;
        }
    }

    public void Dispose() => _timer.Dispose();
}
