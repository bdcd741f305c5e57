namespace Accession.TestKit.Pennsieve;

/// <summary>The routes of the fake, named for fault injection and for recorded requests.</summary>
public enum PennsieveRoute
{
    /// <summary>A path the fake does not serve.</summary>
    Unknown,

    /// <summary><c>GET /authentication/cognito-config</c> (spec §2.1).</summary>
    CognitoConfig,

    /// <summary>Cognito <c>POST /</c> with <c>X-Amz-Target: …InitiateAuth</c> (spec §2.2).</summary>
    InitiateAuth,

    /// <summary><c>GET /compute/workflows/instances/{id}</c> and <c>/compute/workflows/runs/{id}</c> (spec §2.3).</summary>
    Workflow,

    /// <summary><c>POST /import?dataset_id=</c> and <c>POST /import/manifest?dataset_id=</c> (spec §2.4).</summary>
    CreateImport,

    /// <summary><c>POST /import/{id}/files?dataset_id=</c> (spec §2.5).</summary>
    AppendFiles,

    /// <summary><c>GET /import/{id}/upload/{key}/presign?dataset_id=</c> (spec §2.6).</summary>
    Presign,

    /// <summary>S3 <c>PUT /{bucket}/{importId}/{uploadKey}</c> on a presigned URL (spec §2.7).</summary>
    Put,
}
