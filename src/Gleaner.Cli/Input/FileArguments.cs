using System.CommandLine;

namespace Gleaner.Cli.Input;

/// <summary>Checks shared by the commands whose arguments are files, folders or <c>-</c>.</summary>
internal static class FileArguments
{
    /// <summary>
    /// System.CommandLine passes unknown "--options" through as arguments; this says so instead of
    /// letting the command try to read a file of that name.
    /// </summary>
    public static void RejectUnknownOptions(Argument<string[]> argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                    result.AddError($"Unknown option '{token.Value}'.");
        });
}
