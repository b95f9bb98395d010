namespace Gleaner.Cli.Tests;

/// <summary>
/// A fact that interrupts a child process with SIGINT (Ctrl+C). A process started in the background by a
/// non-interactive shell has SIGINT ignored, its children inherit that, and the .NET runtime then leaves Ctrl+C
/// alone as a shell's background job expects: the test is skipped, saying so, rather than failing for the shell.
/// </summary>
public sealed class InterruptibleFactAttribute : FactAttribute
{
    private const int SigInt = 2;

    public InterruptibleFactAttribute()
    {
        if (SigIntIgnored())
            Skip = "SIGINT is ignored by this test run (started in the background?), so a child would ignore Ctrl+C too; run the tests in the foreground";
    }

    private static bool SigIntIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
            return false;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
        return false;
    }
}
