namespace Accession.Omero.State;

/// <summary>One image's row in the state store. Immutable.</summary>
/// <param name="ImageId">The OMERO image id.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="IsccCode">The ISCC-SUM written, when annotated.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="LastError">The last failure's message.</param>
/// <param name="NextAttempt">When a failed image may be tried again.</param>
/// <param name="Updated">When the row last changed.</param>
public sealed record ImageRecord(
    long ImageId,
    ImageOutcome Outcome,
    string? IsccCode,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttempt,
    DateTimeOffset Updated);
