using System.Runtime.InteropServices;
using Accession.Iscc.Platform;

namespace Accession.Iscc.Tests.Platform;

public sealed partial class NativeFunctionTests
{
    [Fact]
    public void A_missing_symbol_turns_the_function_off_for_good()
    {
        var function = new NativeFunction(supported: true);
        var calls = 0;

        for (var i = 0; i < 3; i++)
        {
            if (function.IsAvailable)
            {
                calls++;
                try
                {
                    _ = NoSuchFunction();
                    Assert.Fail("a function that does not exist was called");
                }
                catch (Exception e) when (function.IsMissing(e))
                {
                    // The portable path would run here.
                }
            }
        }

        Assert.Equal(1, calls);
        Assert.False(function.IsAvailable);
    }

    [Fact]
    public void A_missing_library_turns_the_function_off()
    {
        var function = new NativeFunction(supported: true);

        var missing = false;
        try
        {
            _ = NoSuchLibrary();
        }
        catch (Exception e) when (function.IsMissing(e))
        {
            missing = true;
        }

        Assert.True(missing);
        Assert.False(function.IsAvailable);
    }

    [Fact]
    public void Other_failures_are_not_taken_for_a_missing_function()
    {
        var function = new NativeFunction(supported: true);

        Assert.False(function.IsMissing(new IOException("disk on fire")));
        Assert.True(function.IsAvailable);
    }

    [Fact]
    public async Task Forcing_the_portable_path_holds_on_the_calling_flow_only()
    {
        var libc = new NativeFunction(supported: true);
        var shim = new NativeFunction(supported: true, portable: true);
        var elsewhere = new TaskCompletionSource<bool>();
        var forcedOnce = new TaskCompletionSource();
        var other = Task.Run(async () =>
        {
            await forcedOnce.Task;
            elsewhere.SetResult(libc.IsAvailable);
        });

        using (NativeFunction.ForcePortable())
        {
            Assert.False(libc.IsAvailable);
            Assert.True(shim.IsAvailable);
            await Task.Yield();
            Assert.False(libc.IsAvailable);
            forcedOnce.SetResult();
            Assert.True(await elsewhere.Task);
        }

        await other;
        Assert.True(libc.IsAvailable);
    }

    [Fact]
    public void A_function_the_system_cannot_have_is_off_from_the_start() =>
        Assert.False(new NativeFunction(supported: false).IsAvailable);

    [LibraryImport("libc", EntryPoint = "accession_no_such_function")]
    private static partial int NoSuchFunction();

    [LibraryImport("accession-no-such-library", EntryPoint = "f")]
    private static partial int NoSuchLibrary();
}
