namespace Accession.Cli.Terminal;

/// <summary>
/// What a command needs from the process beyond the output and error writers System.CommandLine
/// hands it: standard input, and whether stderr is a terminal (for progress). Tests supply their own.
/// </summary>
/// <param name="OpenStandardInput">Opens standard input as a byte stream.</param>
/// <param name="ErrorIsTerminal">True when stderr is an interactive terminal, not a file or pipe.</param>
internal sealed record CommandConsole(Func<Stream> OpenStandardInput, bool ErrorIsTerminal)
{
    /// <summary>The real process console.</summary>
    public static CommandConsole System { get; } =
        new(global::System.Console.OpenStandardInput, !global::System.Console.IsErrorRedirected);

    /// <summary>
    /// A fast writer for standard output: when <paramref name="output"/> is the process's own stdout,
    /// a buffered UTF-8 writer over the raw stream (the console writer flushes on every write);
    /// otherwise <paramref name="output"/> itself. The caller flushes it at the end.
    /// </summary>
    public static TextWriter BufferedOutput(TextWriter output) =>
        ReferenceEquals(output, global::System.Console.Out)
            ? new StreamWriter(global::System.Console.OpenStandardOutput(), Utf8, bufferSize: 1 << 16) { AutoFlush = false, NewLine = "\n" }
            : output;

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static global::System.Text.UTF8Encoding Utf8 { get; } = new(encoderShouldEmitUTF8Identifier: false);
}
