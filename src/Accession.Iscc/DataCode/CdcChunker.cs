namespace Accession.Iscc.DataCode;

/// <summary>
/// The cut-point rule used by the Data-Code hasher. Same contract as
/// <see cref="CdcReference.FindCutPoint"/>; the fast path must agree with it on every input.
/// </summary>
internal static class CdcChunker
{
    /// <summary>The length of the chunk that starts at the beginning of <paramref name="buffer"/>.</summary>
    public static int FindCutPoint(ReadOnlySpan<byte> buffer) => CdcReference.FindCutPoint(buffer);
}
