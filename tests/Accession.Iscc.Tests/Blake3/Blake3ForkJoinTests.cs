using System.Collections.Concurrent;
using Accession.Iscc.Blake3;

namespace Accession.Iscc.Tests.Blake3;

public sealed class Blake3ForkJoinTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(7, 1)]
    [InlineData(64, 2)]
    [InlineData(64, 8)]
    public void Every_item_runs_exactly_once(int count, int parallelism)
    {
        var runs = new int[count];

        Blake3ForkJoin.Run(count, parallelism, item => Interlocked.Increment(ref runs[item]));

        Assert.All(runs, times => Assert.Equal(1, times));
    }

    [Fact]
    public void One_thread_keeps_every_item_on_the_calling_thread()
    {
        var threads = new ConcurrentBag<int>();

        Blake3ForkJoin.Run(16, 1, _ => threads.Add(Environment.CurrentManagedThreadId));

        Assert.Equal(16, threads.Count);
        Assert.All(threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
    }

    [Fact]
    public void A_failing_item_is_rethrown_on_the_caller_after_the_others_finish()
    {
        var finished = 0;

        var error = Assert.Throws<InvalidOperationException>(() => Blake3ForkJoin.Run(32, 4, item =>
        {
            if (item == 5)
            {
                throw new InvalidOperationException("item 5");
            }

            Interlocked.Increment(ref finished);
        }));

        Assert.Equal("item 5", error.Message);
        Assert.Equal(31, Volatile.Read(ref finished));
    }
}
