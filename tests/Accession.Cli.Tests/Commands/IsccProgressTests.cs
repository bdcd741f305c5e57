using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Accession.Cli.Commands.Iscc;
using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// Progress on stderr: a status line that never overwrites results, a log line every few seconds when
/// stderr is not a terminal, and the switches that override the choice. Time is a fake clock that
/// standard input moves on while it is being read, so the tests never wait.
/// </summary>
public class IsccProgressTests
{
    private static readonly byte[] Piped = RandomNumberGenerator.GetBytes(3000);

    private static async Task<int> RunAsync(bool errorIsTerminal, TextWriter output, TextWriter error, params string[] args)
    {
        var time = new FakeTimeProvider();
        var console = new CommandConsole(() => new ClockedInput(Piped, time), errorIsTerminal) { Time = time };
        var root = new RootCommand("accession") { IsccCommand.Create(console) };
        return await CliApplication.RunAsync(root, args, output, error);
    }

    private static async Task<(string File, string Line)> FileAsync(TempFolder folder, string name)
    {
        var path = folder.File(name);
        var content = RandomNumberGenerator.GetBytes(2000);
        await File.WriteAllBytesAsync(path, content);
        return (path, $"{IsccSum.Hash(content).ToIscc(IsccSumWidth.Wide)} *{path}");
    }

    [Fact]
    public async Task The_status_line_never_overwrites_result_lines_on_a_shared_terminal()
    {
        using var folder = new TempFolder();
        var (first, firstLine) = await FileAsync(folder, "first.bin");
        var (last, lastLine) = await FileAsync(folder, "last.bin");
        var screen = new Screen();

        // stdout and stderr are the same terminal; --progress draws even though the test has no terminal.
        var exitCode = await RunAsync(false, screen, screen, "iscc", "--progress", first, "-", last);

        Assert.Equal(0, exitCode);
        Assert.Contains("/s", screen.Written, StringComparison.Ordinal);
        Assert.Equal([firstLine, $"{IsccSum.Hash(Piped).ToIscc(IsccSumWidth.Wide)} *-", lastLine], screen.Rows);
    }

    [Fact]
    public async Task Without_a_terminal_long_work_logs_progress_lines()
    {
        using var folder = new TempFolder();
        var (first, firstLine) = await FileAsync(folder, "first.bin");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RunAsync(false, output, error, "iscc", first, "-");

        Assert.Equal(0, exitCode);
        Assert.Equal($"{firstLine}\n{IsccSum.Hash(Piped).ToIscc(IsccSumWidth.Wide)} *-\n", output.ToString());
        var log = Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("accession iscc: progress: 2.0 KiB of 2.0 KiB (100%), ", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_progress_shows_nothing_on_a_terminal_or_off_it(bool errorIsTerminal)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RunAsync(errorIsTerminal, output, error, "iscc", "--no-progress", "-");

        Assert.Equal(0, exitCode);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Progress_and_no_progress_together_are_refused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RunAsync(false, output, error, "iscc", "--progress", "--no-progress", "-");

        Assert.Equal(2, exitCode);
        Assert.Equal("accession iscc: --progress cannot be used with --no-progress\n", error.ToString());
    }

    /// <summary>Standard input that hands out its bytes, then moves the clock on by a little more than one log interval before it ends.</summary>
    private sealed class ClockedInput(byte[] content, FakeTimeProvider time) : MemoryStream(content, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position == Length)
            {
                time.Advance(ByteProgress.LogInterval + TimeSpan.FromSeconds(1));
            }

            return base.ReadAsync(buffer, cancellationToken);
        }
    }

    /// <summary>
    /// A terminal both streams write to: carriage return, newline and erase-to-end-of-line (<c>ESC [ K</c>)
    /// act as on a real one, so what remains on screen is what a user would see.
    /// </summary>
    private sealed class Screen : TextWriter
    {
        private readonly List<StringBuilder> _rows = [new()];
        private readonly StringBuilder _written = new();
        private readonly StringBuilder _escape = new();
        private int _column;

        public override Encoding Encoding => Encoding.UTF8;

        public string Written
        {
            get
            {
                lock (_rows)
                {
                    return _written.ToString();
                }
            }
        }

        /// <summary>The rows on screen, without the empty row the cursor rests on at the end.</summary>
        public string[] Rows
        {
            get
            {
                lock (_rows)
                {
                    var rows = _rows.Select(r => r.ToString()).ToList();
                    if (rows[^1].Length == 0)
                    {
                        rows.RemoveAt(rows.Count - 1);
                    }

                    return [.. rows];
                }
            }
        }

        public override void Write(char value)
        {
            lock (_rows)
            {
                _written.Append(value);
                if (_escape.Length > 0 || value == '\u001b')
                {
                    _escape.Append(value);
                    if (char.IsAsciiLetter(value))
                    {
                        if (_escape.ToString() == "\u001b[K")
                        {
                            var row = _rows[^1];
                            row.Length = Math.Min(row.Length, _column);
                        }

                        _escape.Clear();
                    }

                    return;
                }

                switch (value)
                {
                    case '\r':
                        _column = 0;
                        break;
                    case '\n':
                        _rows.Add(new StringBuilder());
                        _column = 0;
                        break;
                    default:
                        var current = _rows[^1];
                        if (_column < current.Length)
                        {
                            current[_column] = value;
                        }
                        else
                        {
                            current.Append(value);
                        }

                        _column++;
                        break;
                }
            }
        }
    }
}
