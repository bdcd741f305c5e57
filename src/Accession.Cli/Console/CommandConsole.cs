namespace Accession.Cli.Terminal;

/// <summary>
/// What a command needs from the process beyond the output and error writers System.CommandLine
/// hands it: standard input, and whether stderr is a terminal (for progress). Tests supply their own.
/// </summary>
/// <param name="OpenStandardInput">Opens standard input as a byte stream.</param>
/// <param name="ErrorIsTerminal">True when stderr is an interactive terminal, not a file or pipe.</param>
internal sealed record CommandConsole(Func<Stream> OpenStandardInput, bool ErrorIsTerminal)
{
    /// <summary>The clock progress is drawn by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The real process console.</summary>
    public static CommandConsole System { get; } =
        new(() => new InterruptibleInput(global::System.Console.OpenStandardInput()), !global::System.Console.IsErrorRedirected)
        {
            InputEndGrace = TimeSpan.FromMilliseconds(50),
        };

    /// <summary>
    /// How long a result of standard input waits at least after the input ended; zero: not at all.
    /// Ctrl+C signals the producer and this process at once; when the producer dies first, the input
    /// ends before the signal is handled here, and the truncated input's result must not be printed.
    /// After this grace (which also covers a signal sent just after the producer's), the result waits
    /// on Linux until no signal that already came can still be on its way to the handler
    /// (<see cref="SignalsInFlight"/>), however long the runtime's threads take to carry it: the kernel
    /// sends Ctrl+C's SIGINT to every process of the group in one call, so once the producer's death
    /// has ended the input, this process' signal has come.
    /// </summary>
    public TimeSpan InputEndGrace { get; init; }

    /// <summary>UTF-8 without a byte order mark; raw bytes of file names are written as they are (<see cref="FileNameEncoding"/>).</summary>
    public static global::System.Text.Encoding Utf8 => FileNameEncoding.Instance;
}
