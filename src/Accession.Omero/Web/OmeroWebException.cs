namespace Accession.Omero.Web;

/// <summary>OMERO.web answered in a way the service cannot work with; the message says what and where.</summary>
public class OmeroWebException : Exception
{
    public OmeroWebException(string message)
        : base(message)
    {
    }

    public OmeroWebException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>OMERO.web refused the login: wrong user name or password, or a server id it does not know.</summary>
public sealed class OmeroLoginException(string message) : OmeroWebException(message);

/// <summary>OMERO.web could not be reached or did not answer in time (after the HTTP stack's retries).</summary>
public sealed class OmeroUnavailableException(string message, Exception inner) : OmeroWebException(message, inner);

/// <summary>The image no longer exists or is no longer readable (deleted between listing and download).</summary>
public sealed class OmeroImageMissingException(long imageId)
    : OmeroWebException($"image {imageId} no longer exists on OMERO (or is no longer readable)")
{
    public long ImageId { get; } = imageId;
}
