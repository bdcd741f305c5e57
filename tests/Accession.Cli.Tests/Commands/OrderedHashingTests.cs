using Accession.Cli.Commands.Iscc;

namespace Accession.Cli.Tests.Commands;

public class OrderedHashingTests
{
    private static IEnumerable<HashInput> Inputs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new HashInput($"f{i}", $"/nowhere/f{i}", i);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Outcomes_are_handed_on_in_input_order_however_the_threads_finish(int threads)
    {
        const int count = 3 * OrderedHashing<HashInput, int>.Window + 11;
        var handedOn = new List<(string Path, long Outcome)>();
        var batches = 0;
        var hashing = new OrderedHashing<HashInput, long>(
            Inputs(count),
            input =>
            {
                // Uneven work, so later inputs often finish first.
                Thread.SpinWait(Random.Shared.Next(0, 20_000));
                return ValueTask.FromResult(input.Length * 10);
            },
            (input, outcome) => handedOn.Add((input.DisplayPath, outcome)),
            () => batches++,
            CancellationToken.None);

        await hashing.RunAsync(threads);

        Assert.Equal(Enumerable.Range(0, count).Select(i => ($"f{i}", i * 10L)), handedOn);
        Assert.InRange(batches, 1, count);
    }

    [Fact]
    public async Task A_failure_to_hand_on_stops_the_run_and_nothing_after_it_is_handed_on()
    {
        var handedOn = new List<string>();
        var hashing = new OrderedHashing<HashInput, long>(
            Inputs(2000),
            input => ValueTask.FromResult(input.Length),
            (input, _) =>
            {
                if (input.Length == 700)
                {
                    throw new IOException("stdout closed");
                }

                handedOn.Add(input.DisplayPath);
            },
            () => { },
            CancellationToken.None);

        var error = await Assert.ThrowsAsync<IOException>(() => hashing.RunAsync(2));

        Assert.Equal("stdout closed", error.Message);
        Assert.Equal(Enumerable.Range(0, 700).Select(i => $"f{i}"), handedOn);
    }

    [Fact]
    public async Task A_cancelled_run_stops_taking_inputs()
    {
        using var cancel = new CancellationTokenSource();
        var hashed = 0;
        var hashing = new OrderedHashing<HashInput, long>(
            Inputs(100_000),
            input =>
            {
                if (Interlocked.Increment(ref hashed) == 50)
                {
                    cancel.Cancel();
                }

                return ValueTask.FromResult(input.Length);
            },
            (_, _) => { },
            () => { },
            cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hashing.RunAsync(2));
        Assert.InRange(Volatile.Read(ref hashed), 50, 50 + OrderedHashing<HashInput, long>.Window);
    }
}
