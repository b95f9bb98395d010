using System.Diagnostics;

namespace Gleaner.Cli.Tests;

/// <summary>Runs the built <c>gleaner</c> command in a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static readonly string GleanerDll = Path.Combine(AppContext.BaseDirectory, "Gleaner.Cli.dll");

    /// <summary>
    /// The command under test: the build beside the tests (<c>dotnet Gleaner.Cli.dll</c>), or the executable named by
    /// GLEANER_TEST_CLI (<c>.ci/run</c> names the one <c>./gleaner</c> runs, the native build where clang is installed).
    /// </summary>
    public static readonly string? Executable = Environment.GetEnvironmentVariable("GLEANER_TEST_CLI") is { Length: > 0 } path ? path : null;

    /// <summary>A start of the command with <paramref name="args"/>, its output and error redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Executable is null)
            start.ArgumentList.Add(GleanerDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>A hang guard only: every run here takes seconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static Result Run(string? stdin, params string[] args) => Run(stdin, HangGuard, args);

    /// <summary>Runs with another hang guard, for runs over whole data sets.</summary>
    public static Result Run(string? stdin, TimeSpan hangGuard, string[] args)
    {
        var start = StartInfo(args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(hangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gleaner {string.Join(' ', args)} did not finish in {hangGuard.TotalMinutes} minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
