using Spectre.Console;

namespace Gleaner.Cli.Output;

/// <summary>Where a command reports its advance and its failures while it runs. Used from one thread.</summary>
internal interface IProgressSink
{
    /// <summary>One more item is done.</summary>
    void Advance();

    /// <summary>Reports a failure to the person running the command (standard error).</summary>
    void Error(string message);
}

/// <summary>
/// Runs a command's work with a progress bar on standard error when a person is watching (standard error
/// is a terminal) and the output goes elsewhere (standard output redirected, so the bar does not mix
/// with records); otherwise with plain messages only. Nothing decorative ever reaches redirected output.
/// </summary>
internal static class Progress
{
    /// <summary>Fewer items than this finish too fast for a bar to help.</summary>
    private const int MinimumItemsForBar = 10;

    public static bool IsWanted(int items) =>
        items >= MinimumItemsForBar && !Console.IsErrorRedirected && Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    public static Task<T> RunAsync<T>(string label, int items, Func<IProgressSink, Task<T>> work) =>
        IsWanted(items) ? TerminalProgress.RunAsync(label, items, work) : work(PlainSink.Instance);

    private sealed class PlainSink : IProgressSink
    {
        public static readonly PlainSink Instance = new();

        public void Advance()
        {
        }

        public void Error(string message) => Console.Error.WriteLine(message);
    }
}

/// <summary>A Spectre.Console bar on standard error. Kept apart so Spectre is loaded only when a bar is shown.</summary>
internal static class TerminalProgress
{
    public static async Task<T> RunAsync<T>(string label, int items, Func<IProgressSink, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: items);
                return await work(new Sink(console, task));
            });
    }

    private sealed class Sink(IAnsiConsole console, ProgressTask task) : IProgressSink
    {
        public void Advance() => task.Increment(1);

        // Written through the same console, the message appears above the bar instead of through it.
        public void Error(string message) => console.MarkupLine("[red]" + Markup.Escape(message) + "[/]");
    }
}
