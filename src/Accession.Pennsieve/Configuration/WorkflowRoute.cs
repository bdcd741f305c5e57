namespace Accession.Pennsieve.Configuration;

/// <summary>Which workflow API shape gives the dataset and package (shared/specs/pennsieve-import.md §2.3).</summary>
public enum WorkflowRoute
{
    /// <summary><see cref="Runs"/> when the run came with a <c>SESSION_TOKEN</c> (the newer runner), else <see cref="Instances"/>.</summary>
    Auto,

    /// <summary><c>GET /compute/workflows/instances/{id}</c> with top-level <c>packageIds</c> (the Python processor).</summary>
    Instances,

    /// <summary><c>GET /compute/workflows/runs/{id}</c> with <c>dataSources</c> (the platform since March 2026).</summary>
    Runs,
}
