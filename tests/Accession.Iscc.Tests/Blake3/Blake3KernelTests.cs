using System.Buffers.Binary;
using Accession.Iscc.Blake3;

namespace Accession.Iscc.Tests.Blake3;

/// <summary>The fast kernels against the readable reference compression, input by input.</summary>
public sealed class Blake3KernelTests
{
    public static TheoryData<string> Backends() => [.. Blake3TestData.BackendNames];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Row_wise_compression_matches_the_reference(bool avx512)
    {
        Assert.SkipWhen(avx512 && !Blake3CompressRows.IsAvx512Supported, "this machine has no AVX-512, so the AVX-512 row compressor cannot run");

        var random = new Random(avx512 ? 5 : 6);
        Span<uint> expected = stackalloc uint[16];
        for (var trial = 0; trial < 200; trial++)
        {
            var block = Blake3TestData.RandomBytes(64, trial);
            Words8 cv = default;
            for (var i = 0; i < 8; i++)
            {
                cv[i] = (uint)random.NextInt64();
            }

            var counter = (ulong)random.NextInt64() << random.Next(0, 33);
            var blockLength = (uint)random.Next(0, 65);
            var flags = (uint)random.Next(0, 128);
            Blake3Portable.Compress(cv, block, counter, blockLength, flags, expected);

            var output = new byte[64];
            Blake3CompressRows.CompressXof(in cv, in block[0], blockLength, counter, flags, avx512, output);
            for (var i = 0; i < 16; i++)
            {
                Assert.Equal(expected[i], BinaryPrimitives.ReadUInt32LittleEndian(output.AsSpan(i * 4)));
            }

            Blake3CompressRows.CompressInPlace(ref cv, in block[0], blockLength, counter, flags, avx512);
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(expected[i], cv[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Hash_many_matches_the_reference_for_chunks_and_parents_across_a_counter_carry(string backend)
    {
        Words8 key = default;
        for (var i = 0; i < 8; i++)
        {
            key[i] = 0x01010101u * (uint)(i + 1);
        }

        foreach (var blocks in new[] { 16, 1 })
        {
            for (var count = 1; count <= 35; count++)
            {
                var inputs = Blake3TestData.RandomBytes(count * blocks * 64, (count * 100) + blocks);

                // Lanes straddle the step of the counter's low word into its high word.
                var counter = blocks == 16 ? 0xFFFF_FFFEUL : 0UL;
                var flags = blocks == 16 ? Blake3Constants.KeyedHash : Blake3Constants.KeyedHash | Blake3Constants.Parent;
                var start = blocks == 16 ? Blake3Constants.ChunkStart : 0;
                var end = blocks == 16 ? Blake3Constants.ChunkEnd : 0;
                var expected = new byte[count * 32];
                var actual = new byte[count * 32];
                Blake3Dispatch.HashMany(Blake3Backend.Portable, inputs, blocks, key, counter, blocks == 16, flags, start, end, expected);
                Blake3Dispatch.HashMany(Blake3TestData.Backend(backend), inputs, blocks, key, counter, blocks == 16, flags, start, end, actual);

                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{count} inputs of {blocks} blocks differ");
            }
        }
    }
}
