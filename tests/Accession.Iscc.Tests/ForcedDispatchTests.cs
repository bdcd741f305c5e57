using Accession.Iscc.Blake3;

namespace Accession.Iscc.Tests;

/// <summary>
/// CI reruns the conformance tests with runtime switches that hide instruction sets
/// (<c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c>, ...) and names the BLAKE3 backend
/// each run must dispatch to, so a switch the runtime ignores cannot pass for a run of another path.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ForcedDispatchTests
{
    private const string ExpectedBackendVariable = "ACCESSION_EXPECT_BLAKE3_BACKEND";

    [Fact]
    public void The_dispatcher_picks_the_backend_the_run_forces()
    {
        var expected = Environment.GetEnvironmentVariable(ExpectedBackendVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(expected), $"{ExpectedBackendVariable} is set only by CI's runs that force a dispatch path");

        Assert.Equal(Enum.Parse<Blake3Backend>(expected), Blake3Dispatch.Best);
    }
}
