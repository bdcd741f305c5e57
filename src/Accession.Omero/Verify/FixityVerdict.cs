namespace Accession.Omero.Verify;

/// <summary>What a fixity audit found for one image.</summary>
public enum FixityVerdict
{
    /// <summary>The files hash to the stored <c>iscc:sum</c>.</summary>
    Match,

    /// <summary>The files no longer hash to the stored <c>iscc:sum</c>.</summary>
    Mismatch,

    /// <summary>The image (named by the caller) carries no ISCC annotation to check.</summary>
    NotAnnotated,

    /// <summary>The image has no original files to hash.</summary>
    NoFiles,

    /// <summary>The image (named by the caller, or deleted during the audit) does not exist or is not readable.</summary>
    Missing,

    /// <summary>The files could not be downloaded; the error says why.</summary>
    Failed,
}
