using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Gleaner.Cli;

/// <summary>
/// Adds an "Examples:" section to a command's <c>--help</c>, after the sections System.CommandLine writes.
/// Commands call <see cref="Add"/>; <see cref="Install"/> hooks the help option of the root command once.
/// </summary>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = new();

    /// <summary>Each example is a command line, optionally followed by <c>#</c> and what it does.</summary>
    public static void Add(Command command, params string[] examples) => Examples.AddOrUpdate(command, examples);

    public static void Install(HelpOption help)
    {
        if (help.Action is HelpAction standard)
            help.Action = new WithExamples(standard);
    }

    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var status = standard.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                    output.WriteLine("  " + example);
                output.WriteLine();
            }
            return status;
        }
    }
}
