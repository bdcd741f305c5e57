namespace Accession.Cli;

/// <summary>
/// Exit codes shared by every command (shared/DESIGN.md "One voice for every command").
/// </summary>
public static class ExitCodes
{
    /// <summary>The job succeeded.</summary>
    public const int Success = 0;

    /// <summary>The job ran and the answer is no: a failed check, an invalid dataset.</summary>
    public const int Negative = 1;

    /// <summary>The job could not run: bad usage, unreadable input, a missing or invalid setting.</summary>
    public const int CannotRun = 2;

    /// <summary>Stopped by SIGINT (Ctrl+C) after a clean stop.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM after a clean stop.</summary>
    public const int Terminated = 143;

    /// <summary>The text shown at the end of every command's help.</summary>
    public const string HelpText =
        "Exit codes: 0 success; 1 the job ran and the answer is no (FAILED check, invalid dataset); "
        + "2 could not run (bad usage, unreadable input); 130/143 interrupted by SIGINT/SIGTERM.";
}
