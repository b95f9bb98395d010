namespace Gleaner.Cli;

/// <summary>The exit statuses every command shares.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int BadUsage = 2;
}
