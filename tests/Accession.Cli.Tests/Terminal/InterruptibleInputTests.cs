using Accession.Cli.Terminal;

namespace Accession.Cli.Tests.Terminal;

/// <summary>Standard input that a signal interrupts, also at its end (the process tests cover Ctrl+C itself: CtrlCProcessTests).</summary>
public class InterruptibleInputTests
{
    [Fact]
    public async Task A_signal_while_the_end_of_the_input_waits_cancels_the_read()
    {
        using var stop = new CancellationTokenSource();
        await using var input = new InterruptibleInput(new MemoryStream("data"u8.ToArray()), endGrace: TimeSpan.FromMinutes(10));
        var buffer = new byte[16];
        Assert.Equal(4, await input.ReadAsync(buffer, stop.Token));

        var end = input.ReadAsync(buffer, stop.Token).AsTask();
        Assert.False(end.IsCompleted);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => end.WaitAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_end_of_the_input_is_reported_after_the_grace()
    {
        await using var input = new InterruptibleInput(new MemoryStream("data"u8.ToArray()), endGrace: TimeSpan.FromMilliseconds(1));
        var buffer = new byte[16];
        Assert.Equal(4, await input.ReadAsync(buffer, TestContext.Current.CancellationToken));

        Assert.Equal(0, await input.ReadAsync(buffer, TestContext.Current.CancellationToken));
        Assert.Equal(0, await input.ReadAsync(buffer, TestContext.Current.CancellationToken));
    }
}
