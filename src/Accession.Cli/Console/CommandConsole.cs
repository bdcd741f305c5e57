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

    /// <summary>
    /// The real process console. The end of standard input waits 50 ms and for a signal on its way,
    /// so that Ctrl+C, which also ends the producer, wins over the cut input (<see cref="InterruptibleInput"/>).
    /// </summary>
    public static CommandConsole System { get; } =
        new(() => new InterruptibleInput(global::System.Console.OpenStandardInput(), endGrace: TimeSpan.FromMilliseconds(50)), !global::System.Console.IsErrorRedirected);

    /// <summary>UTF-8 without a byte order mark; raw bytes of file names are written as they are (<see cref="FileNameEncoding"/>).</summary>
    public static global::System.Text.Encoding Utf8 => FileNameEncoding.Instance;
}
