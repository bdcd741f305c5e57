namespace Accession.TestKit.Pennsieve;

/// <summary>
/// What the fake Pennsieve knows before a test starts: the valid API key pair, the Cognito pools of
/// <c>/authentication/cognito-config</c> (spec §2.1), the dataset, its packages and the workflow runs
/// the workflow routes answer (§2.3), the upload bucket and the manifest body cap. Immutable.
/// </summary>
public sealed record FakePennsieveSeed
{
    /// <summary>The API key accepted as <c>USERNAME</c> of <c>USER_PASSWORD_AUTH</c> (spec §2.2).</summary>
    public string ApiKey { get; init; } = "6f1c2a0e-3b7d-4e55-9a61-0c8f2d4b7e19";

    /// <summary>The API secret accepted as <c>PASSWORD</c> of <c>USER_PASSWORD_AUTH</c> (spec §2.2).</summary>
    public string ApiSecret { get; init; } = "fake-api-secret-5c1e9b7d0a";

    /// <summary>Top-level <c>region</c> of the Cognito config; Pennsieve's default is us-east-1 (spec §2.1).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>User pool (people and session tokens).</summary>
    public string UserPoolId { get; init; } = "us-east-1_FakeUsers";

    public string UserPoolClientId { get; init; } = "fakeuserpoolclient0000000001";

    /// <summary>Token pool: API keys live here (spec §2.1).</summary>
    public string TokenPoolId { get; init; } = "us-east-1_FakeTokens";

    public string TokenPoolClientId { get; init; } = "faketokenpoolclient000000002";

    public string IdentityPoolId { get; init; } = "us-east-1:00000000-0000-4000-8000-000000000000";

    public string OrganizationId { get; init; } = "N:organization:1d5e7c3a-9f4b-4a2e-8c6d-0b1a2c3d4e5f";

    /// <summary>The dataset node id the workflow routes name and <c>dataset_id</c> must equal (spec §2.3, §2.8).</summary>
    public string DatasetId { get; init; } = "N:dataset:7a3f1e2d-5b6c-4d7e-8f90-a1b2c3d4e5f6";

    /// <summary>The workflow runs the <c>instances</c> and <c>runs</c> routes answer; the first is the default.</summary>
    public IReadOnlyList<FakeWorkflowRun> WorkflowRuns { get; init; } =
    [
        new("4c2b8e1a-6d3f-4b5a-9c7e-2f1d0a9b8c7d", new Dictionary<string, IReadOnlyList<string>>
        {
            ["2e9d4c1b-7a5f-4e3d-b6c8-0a1f2e3d4c5b"] = ["N:package:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"],
        }),
    ];

    /// <summary>The bucket in presigned URLs: objects land at <c>{bucket}/{importId}/{uploadKey}</c> (spec §2.7).</summary>
    public string Bucket { get; init; } = "pennsieve-fake-uploads";

    /// <summary>
    /// Largest manifest create/append body accepted; larger answers 413. The real HTTP API allows 10 MB;
    /// 1 MiB (spec §6.4 item 5) is the client's own budget, so batching is exercised.
    /// </summary>
    public long ManifestBodyLimit { get; init; } = 1024 * 1024;

    /// <summary>
    /// When false (Cognito's default "prevent user existence errors"), an unknown API key answers
    /// <c>NotAuthorizedException</c> like a wrong secret; when true it answers <c>UserNotFoundException</c>.
    /// </summary>
    public bool RevealUnknownUsers { get; init; }

    /// <summary>How stored objects are kept (bounded memory for big benchmarks).</summary>
    public FakeObjectStorage Storage { get; init; } = FakeObjectStorage.Auto;

    /// <summary>The clock for token and presigned-URL expiry; tests may pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The default workflow run, the one <c>INTEGRATION_ID</c> names in a test.</summary>
    public FakeWorkflowRun WorkflowRun => WorkflowRuns[0];
}
