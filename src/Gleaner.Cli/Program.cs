using System.CommandLine;
using System.CommandLine.Help;
using Gleaner.Cli.Commands;

namespace Gleaner.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // A plain command named "gleaner" rather than RootCommand, whose name would be the assembly's file name.
        var root = new Command("gleaner", "Gleaner harvests news: it turns news pages into clean article records, stores and searches them.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(WarcCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"gleaner: {error.Message}");
            Console.Error.WriteLine("Try 'gleaner --help'.");
            return ExitCodes.BadUsage;
        }
        return await parsed.InvokeAsync();
    }
}
