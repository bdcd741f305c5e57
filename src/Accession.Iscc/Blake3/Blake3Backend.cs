using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Accession.Iscc.Blake3;

/// <summary>
/// The compression kernels a hasher can use, by the number of inputs hash_many compresses at once
/// (shared/specs/iscc-sum.md §5.8: portable 1, SSE/NEON 4, AVX2 8, AVX-512 16).
/// </summary>
internal enum Blake3Backend
{
    /// <summary>The readable scalar reference, one block at a time.</summary>
    Portable,

    /// <summary>Four inputs at once in 128-bit vectors.</summary>
    Vector128,

    /// <summary>Eight inputs at once in 256-bit vectors (AVX2).</summary>
    Vector256,

    /// <summary>Sixteen inputs at once in 512-bit vectors (AVX-512).</summary>
    Vector512,
}

/// <summary>
/// Run-time dispatch to the kernels of a <see cref="Blake3Backend"/> (C <c>blake3_dispatch.c</c>).
/// The wider kernels hand what is left over to the narrower ones, down to single blocks.
/// </summary>
internal static class Blake3Dispatch
{
    /// <summary>The fastest backend this machine runs.</summary>
    public static Blake3Backend Best { get; } = Detect();

    /// <summary>Every backend this machine runs, the portable one first.</summary>
    public static IReadOnlyList<Blake3Backend> Supported =>
        [.. new[] { Blake3Backend.Portable, Blake3Backend.Vector128, Blake3Backend.Vector256, Blake3Backend.Vector512 }.Where(IsSupported)];

    public static bool IsSupported(Blake3Backend backend) => backend switch
    {
        Blake3Backend.Portable => true,
        Blake3Backend.Vector128 => BitConverter.IsLittleEndian && Blake3Vector128.IsSupported,
        Blake3Backend.Vector256 => BitConverter.IsLittleEndian && Blake3Vector256.IsSupported && Blake3Vector128.IsSupported,
        Blake3Backend.Vector512 => BitConverter.IsLittleEndian && Blake3Vector512.IsSupported && Blake3CompressRows.IsAvx512Supported
            && Blake3Vector256.IsSupported && Blake3Vector128.IsSupported,
        _ => false,
    };

    /// <summary>How many inputs hash_many takes at once (C <c>blake3_simd_degree</c>).</summary>
    public static int Degree(Blake3Backend backend) => backend switch
    {
        Blake3Backend.Vector512 => Blake3Vector512.Degree,
        Blake3Backend.Vector256 => Blake3Vector256.Degree,
        Blake3Backend.Vector128 => Blake3Vector128.Degree,
        _ => 1,
    };

    private static Blake3Backend Detect()
    {
        if (Vector512.IsHardwareAccelerated && IsSupported(Blake3Backend.Vector512))
        {
            return Blake3Backend.Vector512;
        }

        if (Vector256.IsHardwareAccelerated && IsSupported(Blake3Backend.Vector256))
        {
            return Blake3Backend.Vector256;
        }

        return IsSupported(Blake3Backend.Vector128) ? Blake3Backend.Vector128 : Blake3Backend.Portable;
    }

    /// <summary>Compresses one 64-byte block into the chaining value <paramref name="cv"/>.</summary>
    public static void CompressInPlace(Blake3Backend backend, ref Words8 cv, ReadOnlySpan<byte> block, uint blockLength, ulong counter, uint flags)
    {
        Debug.Assert(block.Length >= Blake3Constants.BlockLength);
        if (backend == Blake3Backend.Portable)
        {
            Span<uint> full = stackalloc uint[16];
            Blake3Portable.Compress(cv, block, counter, blockLength, flags, full);
            full[..8].CopyTo(cv);
            return;
        }

        Blake3CompressRows.CompressInPlace(ref cv, in MemoryMarshal.GetReference(block), blockLength, counter, flags, backend == Blake3Backend.Vector512);
    }

    /// <summary>Compresses one block and writes all 64 bytes of output (a root output block).</summary>
    public static void CompressXof(Blake3Backend backend, in Words8 cv, ReadOnlySpan<byte> block, uint blockLength, ulong counter, uint flags, Span<byte> output)
    {
        Debug.Assert(block.Length >= Blake3Constants.BlockLength && output.Length >= Blake3Constants.BlockLength);
        if (backend == Blake3Backend.Portable)
        {
            Span<uint> full = stackalloc uint[16];
            Blake3Portable.Compress(cv, block, counter, blockLength, flags, full);
            for (var i = 0; i < 16; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(i * 4, 4), full[i]);
            }

            return;
        }

        Blake3CompressRows.CompressXof(in cv, in MemoryMarshal.GetReference(block), blockLength, counter, flags, backend == Blake3Backend.Vector512, output);
    }

    /// <summary>
    /// hash_many: hashes the contiguous inputs of <paramref name="blocks"/> blocks each in
    /// <paramref name="inputs"/> and writes one 32-byte chaining value per input to <paramref name="output"/>.
    /// Chunks use 16 blocks, CHUNK_START/CHUNK_END and counters that increase per input; parents use one
    /// block, the PARENT flag and counter 0.
    /// </summary>
    public static void HashMany(
        Blake3Backend backend,
        ReadOnlySpan<byte> inputs,
        int blocks,
        in Words8 key,
        ulong counter,
        bool incrementCounter,
        uint flags,
        uint flagsStart,
        uint flagsEnd,
        Span<byte> output)
    {
        var inputLength = blocks * Blake3Constants.BlockLength;
        var count = inputs.Length / inputLength;
        if (inputs.Length != count * inputLength || output.Length < count * Blake3Constants.OutLength)
        {
            throw new ArgumentException("hash_many takes whole inputs and room for one chaining value each.", nameof(inputs));
        }

        if (backend == Blake3Backend.Portable)
        {
            Blake3Portable.HashMany(inputs, blocks, key, counter, incrementCounter, flags, flagsStart, flagsEnd, output);
            return;
        }

        ref var input = ref MemoryMarshal.GetReference(inputs);
        ref var cvs = ref MemoryMarshal.GetReference(output);
        var step = incrementCounter ? 1UL : 0UL;
        var degree = Degree(backend);
        for (; count >= degree; count -= degree)
        {
            HashGroup(backend, in input, blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref cvs);
            input = ref Unsafe.Add(ref input, degree * inputLength);
            cvs = ref Unsafe.Add(ref cvs, degree * Blake3Constants.OutLength);
            counter += step * (ulong)degree;
        }

        // Fewer inputs are left than the kernel takes. From a quarter of its lanes on, one call over a
        // padded copy costs less than single blocks, and a process never compiles the narrower
        // kernels just for leftovers.
        if (count > 0 && count >= degree / 4 && backend >= Blake3Backend.Vector256)
        {
            HashPadded(backend, in input, count, blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref cvs);
            return;
        }

        for (; count > 0; count--)
        {
            HashOne(backend, in input, blocks, in key, counter, flags, flagsStart, flagsEnd, ref cvs);
            input = ref Unsafe.Add(ref input, inputLength);
            cvs = ref Unsafe.Add(ref cvs, Blake3Constants.OutLength);
            counter += step;
        }
    }

    /// <summary>One call of the kernel of <paramref name="backend"/>: <see cref="Degree"/> inputs.</summary>
    private static void HashGroup(Blake3Backend backend, ref readonly byte input, int blocks, in Words8 key, ulong counter, bool incrementCounter, uint flags, uint flagsStart, uint flagsEnd, ref byte output)
    {
        switch (backend)
        {
            case Blake3Backend.Vector512:
                Blake3Vector512.HashMany(in input, blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref output);
                break;
            case Blake3Backend.Vector256:
                Blake3Vector256.HashMany(in input, blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref output);
                break;
            default:
                Blake3Vector128.HashMany(in input, blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref output);
                break;
        }
    }

    /// <summary>One kernel call over <paramref name="count"/> (fewer than <see cref="Degree"/>) inputs copied into a padded buffer.</summary>
    private static void HashPadded(Blake3Backend backend, ref readonly byte input, int count, int blocks, in Words8 key, ulong counter, bool incrementCounter, uint flags, uint flagsStart, uint flagsEnd, ref byte output)
    {
        var inputLength = blocks * Blake3Constants.BlockLength;
        Span<byte> inputs = stackalloc byte[Blake3Vector512.Degree * Blake3Constants.ChunkLength];
        Span<byte> cvs = stackalloc byte[Blake3Vector512.Degree * Blake3Constants.OutLength];
        MemoryMarshal.CreateReadOnlySpan(in input, count * inputLength).CopyTo(inputs);
        HashGroup(backend, in MemoryMarshal.GetReference(inputs), blocks, in key, counter, incrementCounter, flags, flagsStart, flagsEnd, ref MemoryMarshal.GetReference(cvs));
        cvs[..(count * Blake3Constants.OutLength)].CopyTo(MemoryMarshal.CreateSpan(ref output, count * Blake3Constants.OutLength));
    }

    private static void HashOne(Blake3Backend backend, ref readonly byte input, int blocks, in Words8 key, ulong counter, uint flags, uint flagsStart, uint flagsEnd, ref byte output)
    {
        var cv = key;
        var blockFlags = flags | flagsStart;
        for (var block = 0; block < blocks; block++)
        {
            if (block == blocks - 1)
            {
                blockFlags |= flagsEnd;
            }

            Blake3CompressRows.CompressInPlace(ref cv, in Unsafe.Add(ref Unsafe.AsRef(in input), block * Blake3Constants.BlockLength), Blake3Constants.BlockLength, counter, blockFlags, backend == Blake3Backend.Vector512);
            blockFlags = flags;
        }

        Blake3Words.Store(cv, MemoryMarshal.CreateSpan(ref output, Blake3Constants.OutLength));
    }
}
