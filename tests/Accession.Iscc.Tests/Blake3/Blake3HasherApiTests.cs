using Accession.Iscc.Blake3;

namespace Accession.Iscc.Tests.Blake3;

public sealed class Blake3HasherApiTests
{
    [Theory]
    [InlineData("hash")]
    [InlineData("keyed_hash")]
    [InlineData("derive_key")]
    public void Reset_forgets_the_input_but_keeps_the_mode(string mode)
    {
        foreach (var backend in Blake3TestData.BackendNames)
        {
            var hasher = Blake3TestData.Hasher(mode, backend);
            hasher.Append(Blake3TestData.RandomBytes(70_000, 3));
            hasher.Reset();
            Assert.Equal(0L, hasher.Length);

            hasher.Append(Blake3TestData.Input(31744));
            var expected = Blake3TestData.Case(31744).GetProperty(mode).GetString()!;
            Assert.Equal(expected[..64], Blake3TestData.Hex(hasher.GetCurrentHash()));
        }
    }

    [Fact]
    public void Reading_the_hash_does_not_change_the_state()
    {
        var input = Blake3TestData.Input(8193);
        var hasher = new Blake3Hasher();
        hasher.Append(input.AsSpan(0, 5000));
        _ = hasher.GetCurrentHash();
        hasher.Append(input.AsSpan(5000));

        Assert.Equal(Blake3TestData.Case(8193).GetProperty("hash").GetString()![..64], Blake3TestData.Hex(hasher.GetCurrentHash()));
    }

    [Fact]
    public void An_output_offset_that_is_not_a_whole_block_is_refused()
    {
        var hasher = new Blake3Hasher();
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.GetCurrentHash(32, new byte[32]));
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Blake3Hasher.CreateKeyed(new byte[31]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_degree_of_parallelism_below_minus_one_or_zero_is_refused(int value)
    {
        var hasher = new Blake3Hasher();
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.MaxDegreeOfParallelism = value);
    }

    [Fact]
    public void Static_helpers_agree_with_the_streaming_hasher()
    {
        var input = Blake3TestData.Input(102400);
        var expected = Blake3TestData.Case(102400).GetProperty("hash").GetString()!;

        Assert.Equal(expected[..64], Blake3TestData.Hex(Blake3Hasher.Hash(input)));
        var destination = new byte[40];
        Assert.True(Blake3Hasher.TryHash(input, destination, out var written));
        Assert.Equal(Blake3Hasher.HashLengthInBytes, written);
        Assert.Equal(expected[..64], Blake3TestData.Hex(destination.AsSpan(0, written)));
        Assert.False(Blake3Hasher.TryHash(input, new byte[31], out _));
        var extended = new byte[131];
        Blake3Hasher.Hash(input, extended);
        Assert.Equal(expected, Blake3TestData.Hex(extended));
    }

    [Fact]
    public async Task Hashing_a_stream_matches_hashing_its_bytes()
    {
        var input = Blake3TestData.RandomBytes((3 << 20) - 7, 11);
        using var stream = new MemoryStream(input);

        Assert.Equal(Blake3Hasher.Hash(input), await Blake3Hasher.HashAsync(stream));
    }

    [Fact]
    public void Every_backend_the_machine_reports_can_be_chosen_and_others_are_refused()
    {
        var hasher = new Blake3Hasher();
        foreach (var backend in Enum.GetValues<Blake3Backend>())
        {
            if (Blake3Dispatch.IsSupported(backend))
            {
                hasher.Backend = backend;
                Assert.Equal(backend, hasher.Backend);
            }
            else
            {
                Assert.Throws<PlatformNotSupportedException>(() => hasher.Backend = backend);
            }
        }

        Assert.Contains(Blake3Backend.Portable, Blake3Dispatch.Supported);
        Assert.Contains(Blake3Dispatch.Best, Blake3Dispatch.Supported);
    }
}
