namespace Accession.Omero.State;

/// <summary>What became of one image, as recorded in the state store.</summary>
public enum ImageOutcome
{
    /// <summary>This service wrote the image's annotation.</summary>
    Annotated,

    /// <summary>The image already carried an annotation in the namespace.</summary>
    AlreadyAnnotated,

    /// <summary>The image has no original files to hash (e.g. created by a script, not imported).</summary>
    NoFiles,

    /// <summary>The image disappeared (deleted or no longer readable) before it was done.</summary>
    Missing,

    /// <summary>The last attempt failed; another is due after the recorded time.</summary>
    Failed,

    /// <summary>Every allowed attempt failed; the image waits for an operator (<c>omero-iscc status</c>).</summary>
    Parked,
}
