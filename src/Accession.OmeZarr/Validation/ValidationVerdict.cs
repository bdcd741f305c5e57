namespace Accession.OmeZarr.Validation;

/// <summary>The answer of a validation.</summary>
public enum ValidationVerdict
{
    /// <summary>Every dataset meets the rules (warnings allowed unless strict).</summary>
    Valid,

    /// <summary>At least one error, or a warning under strict validation.</summary>
    Invalid,

    /// <summary>The archive or folder was read but holds no OME-Zarr dataset.</summary>
    NoDataset,
}
