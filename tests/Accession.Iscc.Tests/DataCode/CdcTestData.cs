using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>Inputs for the chunker tests: the generators of shared/vectors/README.md §4 and crafted data.</summary>
internal static class CdcTestData
{
    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static byte[] Pattern251(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    /// <summary>The SplitMix64 stream, 8 little-endian bytes per step, cut to <paramref name="length"/>.</summary>
    public static byte[] SplitMix64(ulong seed, int length)
    {
        var data = new byte[length];
        var state = seed;
        Span<byte> block = stackalloc byte[8];
        for (var offset = 0; offset < length; offset += 8)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            BitConverter.TryWriteBytes(block, z);
            if (!BitConverter.IsLittleEndian)
            {
                block.Reverse();
            }

            block[..Math.Min(8, length - offset)].CopyTo(data.AsSpan(offset));
        }

        return data;
    }

    /// <summary>Few distinct byte values in runs of random length: long stretches without content cuts.</summary>
    public static byte[] LowEntropy(int length, int seed, int distinct)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, distinct).Select(_ => (byte)rng.Next(256)).ToArray();
        var data = new byte[length];
        for (var i = 0; i < length;)
        {
            var run = rng.Next(1, 600);
            var value = values[rng.Next(distinct)];
            for (var end = Math.Min(length, i + run); i < end; i++)
            {
                data[i] = value;
            }
        }

        return data;
    }

    /// <summary>Random stretches alternating with zero runs and short periodic patterns.</summary>
    public static byte[] Mixed(int length, int seed)
    {
        var rng = new Random(seed);
        var data = new byte[length];
        for (var i = 0; i < length;)
        {
            var run = Math.Min(length - i, rng.Next(1, 20000));
            var span = data.AsSpan(i, run);
            switch (rng.Next(4))
            {
                case 0:
                    rng.NextBytes(span);
                    break;
                case 1:
                    span.Clear();
                    break;
                case 2:
                    var period = rng.Next(1, 9);
                    var pattern = new byte[period];
                    rng.NextBytes(pattern);
                    for (var k = 0; k < run; k++)
                    {
                        span[k] = pattern[k % period];
                    }

                    break;
                default:
                    span.Fill((byte)rng.Next(256));
                    break;
            }

            i += run;
        }

        return data;
    }

    /// <summary>
    /// A buffer whose first chunk ends on a content cut (the rolling value passes the mask) at exactly
    /// <paramref name="chunkLength"/>, followed by random data. Zeros lead up to a few random bytes,
    /// and the last byte is chosen to make the cut.
    /// </summary>
    public static byte[] WithContentCutAt(int chunkLength, int seed, int tail = 20000)
    {
        var rng = new Random(seed);
        var gear = CdcConstants.Gear;
        var data = new byte[chunkLength + tail];
        rng.NextBytes(data.AsSpan(chunkLength));
        var noisy = Math.Max(CdcConstants.MinSize, chunkLength - 48);
        var lastIndex = chunkLength - 1;
        var lastMask = lastIndex < CdcConstants.CenterSize ? CdcConstants.MaskS : CdcConstants.MaskL;
        for (var attempt = 0; attempt < 100000; attempt++)
        {
            data.AsSpan(0, noisy).Clear();
            rng.NextBytes(data.AsSpan(noisy, lastIndex - noisy));
            uint pattern = 0;
            var cutEarlier = false;
            for (var i = CdcConstants.MinSize; i < lastIndex && !cutEarlier; i++)
            {
                pattern = (pattern >> 1) + gear[data[i]];
                cutEarlier = (pattern & (i < CdcConstants.CenterSize ? CdcConstants.MaskS : CdcConstants.MaskL)) == 0;
            }

            for (var last = 0; last < 256 && !cutEarlier; last++)
            {
                if ((((pattern >> 1) + gear[last]) & lastMask) == 0)
                {
                    data[lastIndex] = (byte)last;
                    return data;
                }
            }
        }

        throw new InvalidOperationException($"no input found with a content cut at {chunkLength}");
    }
}
