namespace Accession.Iscc.DataCode;

/// <summary>
/// One SIMD flavour of the free-running gear recurrence used by <see cref="CdcLanes"/>
/// (shared/specs/iscc-sum.md §1.3 and §1.10).
/// </summary>
internal unsafe interface ICdcLaneKernel
{
    /// <summary>Lanes per block (at most 16).</summary>
    static abstract int LaneCount { get; }

    /// <summary>Whether the instructions the kernel needs are available.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// Runs lane <c>j</c> over <paramref name="segment"/> bytes from <c>start + j·segment</c>. Lane 0
    /// starts from <paramref name="seed"/>; the others start from 0 on the
    /// <see cref="CdcLanes.WarmUp"/> bytes before their segment.
    /// </summary>
    /// <param name="start">First byte of the block; the block is <c>LaneCount·segment</c> bytes.</param>
    /// <param name="segment">Steps per lane: a power of two from <see cref="CdcLanes.MinSegment"/> to <see cref="CdcLanes.MaxSegment"/>.</param>
    /// <param name="seed">The value lane 0 starts from.</param>
    /// <param name="candidates">Per step <c>t</c>: bit <c>j</c> set when lane <c>j</c>'s value after step <c>t</c> has no bit of 511 set.</param>
    /// <param name="checkpoints">After each step <c>t</c> with <c>t % 16 == 15</c>: the lane values at <c>[(t / 16)·LaneCount + j]</c>.</param>
    /// <param name="entry">The lane values before step 0 (entry[0] is <paramref name="seed"/>).</param>
    static abstract void Run(byte* start, int segment, uint seed, ushort* candidates, uint* checkpoints, uint* entry);
}
