namespace Accession.Omero.Service;

/// <summary>Why the service stopped on its own, for the exit code. Thread-safe.</summary>
public sealed class ServiceExit
{
    private volatile string? _error;

    /// <summary>The error that stopped the service, or null when it was asked to stop.</summary>
    public string? Error => _error;

    public void Fail(string error) => _error = error;
}
