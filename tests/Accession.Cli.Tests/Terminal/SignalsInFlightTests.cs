using Accession.Cli.Terminal;

namespace Accession.Cli.Tests.Terminal;

/// <summary>What tells a signal may still be on its way to the handler; the process tests (CtrlCProcessTests) cover the wait.</summary>
public class SignalsInFlightTests
{
    [Fact]
    public void A_runnable_thread_of_the_process_may_be_carrying_a_signal()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        using var stop = new CancellationTokenSource();
        using var running = new ManualResetEventSlim();
        var spinner = new Thread(() =>
        {
            running.Set();
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(100);
            }
        });
        spinner.Start();
        try
        {
            running.Wait(TestContext.Current.CancellationToken);
            Assert.True(SignalsInFlight.MayBeInFlight());
        }
        finally
        {
            stop.Cancel();
            spinner.Join();
        }
    }
}
