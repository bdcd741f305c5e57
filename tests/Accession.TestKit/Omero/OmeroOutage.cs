namespace Accession.TestKit.Omero;

/// <summary>How the fake OMERO.web behaves while it is down.</summary>
public enum OmeroOutage
{
    /// <summary>Every request gets 503, as from a proxy in front of a stopped OMERO.web.</summary>
    ServiceUnavailable,

    /// <summary>Connections are closed without an answer, which clients see as a refused or reset connection.</summary>
    ConnectionReset,
}
