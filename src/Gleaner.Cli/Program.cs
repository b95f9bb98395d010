using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Gleaner.Cli.Commands;

namespace Gleaner.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // A plain command named "gleaner" rather than RootCommand, whose name would be the assembly's file name.
        var help = new HelpOption();
        var root = new Command("gleaner", "Gleaner harvests news: it turns news pages into clean article records, stores and searches them.")
        {
            help,
            new VersionOption(),
        };
        HelpExamples.Install(help);
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(WarcCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(ReextractCommand.Create());
        root.Subcommands.Add(CcNewsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());

        var parsed = root.Parse(args);
        // With errors the action is ParseErrorAction, unless --help was asked for: then help wins.
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"gleaner: {error.Message}");
            Console.Error.WriteLine($"Try '{CommandPath(parsed.CommandResult)} --help'.");
            return ExitCodes.BadUsage;
        }
        // Ctrl+C cancels the command's token; a command then has this long to finish (a crawl prints its summary and
        // leaves its frontier resumable) before the process ends anyway. The default, 2 s, is short on a busy machine.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
    }

    /// <summary>"gleaner extract" for the extract command, so the hint points at the right help.</summary>
    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? CommandPath(parent) + " " + command.Command.Name : command.Command.Name;
}
