namespace Accession.Omero.Verify;

/// <summary>One image's line of a fixity audit. Immutable.</summary>
/// <param name="ImageId">The OMERO image id.</param>
/// <param name="ImageName">Its name, or null when it could not be read.</param>
/// <param name="Verdict">What the audit found.</param>
/// <param name="Stored">The <c>iscc:sum</c> stored on the image, when there is one.</param>
/// <param name="Computed">The ISCC-SUM of the files now, in the stored code's width, when they were hashed.</param>
/// <param name="Error">Why the image could not be checked, for <see cref="FixityVerdict.Failed"/>.</param>
public sealed record FixityResult(long ImageId, string? ImageName, FixityVerdict Verdict, string? Stored, string? Computed, string? Error);
