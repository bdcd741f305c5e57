using System.Runtime.InteropServices;

namespace Accession.Cli.Terminal;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a cancelled token for commands that stop cleanly, and
/// remembers which signal came, so they exit with 130 or 143 (shared/DESIGN.md "One voice for every
/// command"). Commands whose action takes no token keep the default: the signal ends the process.
/// One instance per run; thread-safe.
/// </summary>
internal sealed class TerminationSignal : IDisposable
{
    private static volatile bool s_terminated;

    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration? _interrupt;
    private readonly PosixSignalRegistration? _terminate;

    private TerminationSignal(Func<bool> stopsCleanly)
    {
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsAndroid())
        {
            return;
        }

        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopsCleanly));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopsCleanly));
    }

    /// <summary>Cancelled once SIGINT or SIGTERM arrived.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code for a clean stop after cancellation: 143 after SIGTERM, otherwise 130.</summary>
    public static int ExitCode => s_terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>Starts listening; <paramref name="stopsCleanly"/> says whether the running command watches <see cref="Token"/>.</summary>
    public static TerminationSignal Listen(Func<bool> stopsCleanly) => new(stopsCleanly);

    public void Dispose()
    {
        // The token source stays undisposed: the runtime runs handlers on a thread of their own, and a
        // signal it took just before these registrations ended still runs Stop afterwards, whose
        // Cancel would throw on a disposed source and end the process with an unhandled exception.
        _interrupt?.Dispose();
        _terminate?.Dispose();
    }

    private void Stop(PosixSignalContext context, Func<bool> stopsCleanly)
    {
        if (!stopsCleanly())
        {
            return;
        }

        context.Cancel = true;
        s_terminated |= context.Signal == PosixSignal.SIGTERM;
        _stop.Cancel();
    }
}
