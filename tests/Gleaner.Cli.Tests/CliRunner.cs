using System.Diagnostics;

namespace Gleaner.Cli.Tests;

/// <summary>Runs the built <c>gleaner</c> command in a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static readonly string GleanerDll = Path.Combine(AppContext.BaseDirectory, "Gleaner.Cli.dll");

    /// <summary>A hang guard only: every run here takes seconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static Result Run(string? stdin, params string[] args) => Run(stdin, HangGuard, args);

    /// <summary>Runs with another hang guard, for runs over whole data sets.</summary>
    public static Result Run(string? stdin, TimeSpan hangGuard, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GleanerDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
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
