namespace Accession.Iscc.DataCode;

/// <summary>
/// The content-defined cut-point rule of the Data-Code, written exactly as specified
/// (iscc-core cdc.py <c>alg_cdc_offset</c> @ e3cbeab; shared/specs/iscc-sum.md §1.3). Every faster
/// chunker is tested against this one.
/// </summary>
internal static class CdcReference
{
    /// <summary>
    /// The length of the chunk that starts at the beginning of <paramref name="buffer"/>: the first
    /// content cut, or <see cref="CdcConstants.MaxSize"/>, or the buffer length if that is shorter.
    /// </summary>
    public static int FindCutPoint(ReadOnlySpan<byte> buffer)
    {
        var gear = CdcConstants.Gear;
        var size = buffer.Length;
        uint pattern = 0;
        var i = Math.Min(CdcConstants.MinSize, size);
        var barrier = Math.Min(CdcConstants.CenterSize, size);
        for (; i < barrier; i++)
        {
            pattern = (pattern >> 1) + gear[buffer[i]];
            if ((pattern & CdcConstants.MaskS) == 0)
            {
                return i + 1;
            }
        }

        barrier = Math.Min(CdcConstants.MaxSize, size);
        for (; i < barrier; i++)
        {
            pattern = (pattern >> 1) + gear[buffer[i]];
            if ((pattern & CdcConstants.MaskL) == 0)
            {
                return i + 1;
            }
        }

        return i;
    }
}
