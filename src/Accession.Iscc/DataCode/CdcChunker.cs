namespace Accession.Iscc.DataCode;

/// <summary>
/// The cut-point rule used by the Data-Code hasher (shared/specs/iscc-sum.md §1.3, with the
/// performance notes of §1.10). Same contract as <see cref="CdcReference.FindCutPoint"/>; every path
/// here must agree with it on every input.
/// </summary>
/// <remarks>
/// <see cref="FindCutPoint"/> rolls one chunk with the closed form of §1.10, 32 bytes per step of
/// the serial chain (<see cref="FindCutPointScalarUnrolled"/>), on every machine. Whole buffers go
/// through <see cref="FindCutPoints"/>, which evaluates the rolling value on 16 lanes at once
/// (<see cref="CdcLanes"/>) where AVX-512 VBMI is available. (An 8-lane AVX2 kernel needs gathers
/// for the gear table and was slower than the scalar closed form where measured, so there is none.)
/// </remarks>
internal static partial class CdcChunker
{
    /// <summary>The length of the chunk that starts at the beginning of <paramref name="buffer"/>.</summary>
    public static int FindCutPoint(ReadOnlySpan<byte> buffer) => FindCutPointScalarUnrolled(buffer);

    /// <summary>
    /// Chunks <paramref name="buffer"/> from its start and writes the chunk lengths to
    /// <paramref name="lengths"/>, exactly as repeated <see cref="FindCutPoint"/> calls on the rest of
    /// the buffer would. Stops when the buffer is used up (the last length is then the piece that
    /// reaches its end) or when <paramref name="lengths"/> is full.
    /// </summary>
    /// <returns>The number of lengths written; 0 for an empty buffer.</returns>
    public static int FindCutPoints(ReadOnlySpan<byte> buffer, Span<int> lengths)
    {
        return CdcLaneKernel512.IsSupported
            ? FindCutPointsVector512(buffer, lengths)
            : FindCutPointsScalar(buffer, lengths);
    }

    /// <summary>The batch rule on 16 lanes with AVX-512 (VBMI byte permutes for the gear table).</summary>
    internal static int FindCutPointsVector512(ReadOnlySpan<byte> buffer, Span<int> lengths) =>
        CdcLanes.FindCutPoints<CdcLaneKernel512>(buffer, lengths);

    /// <summary>Whether the AVX-512 batch path can run on this machine.</summary>
    internal static bool IsVector512Supported => CdcLaneKernel512.IsSupported;
}
