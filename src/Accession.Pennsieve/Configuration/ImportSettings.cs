namespace Accession.Pennsieve.Configuration;

/// <summary>
/// Everything one import run needs, read and checked by <see cref="SettingsReader"/> before any work.
/// Immutable, so safe to share between threads. Never log it whole: it holds secrets.
/// </summary>
public sealed record ImportSettings
{
    /// <summary>Default API host of <c>config.py</c> (shared/specs/pennsieve-import.md §1.2; Pennsieve's dev stack).</summary>
    public static readonly Uri DefaultApiHost = new("https://api.pennsieve.net");

    /// <summary>Default import and workflow host of <c>config.py</c> (§1.2).</summary>
    public static readonly Uri DefaultApiHost2 = new("https://api2.pennsieve.net");

    /// <summary>
    /// Uploads in flight by default: 8, not <c>config.py</c>'s 4 (§1.2 <c>UPLOAD_WORKERS</c>), because 8 was
    /// never slower than 4 in bench/pennsieve.sh's sweep (docs/pennsieve-import.md "Performance").
    /// </summary>
    public const int DefaultUploadWorkers = 8;

    public string Environment { get; init; } = "local";

    public required string InputDir { get; init; }

    public required string OutputDir { get; init; }

    public Uri ApiHost { get; init; } = DefaultApiHost;

    public Uri ApiHost2 { get; init; } = DefaultApiHost2;

    public string? ApiKey { get; init; }

    public string? ApiSecret { get; init; }

    public string? SessionToken { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>The workflow instance or run id (<c>INTEGRATION_ID</c>, §1.2).</summary>
    public string? IntegrationId { get; init; }

    public bool ImporterEnabled { get; init; }

    public string AssetType { get; init; } = "ome-zarr";

    public int UploadWorkers { get; init; } = DefaultUploadWorkers;

    /// <summary>Import even when NGFF validation finds errors.</summary>
    public bool ImportInvalid { get; init; }

    /// <summary>Compute the dataset's tree-mode ISCC-SUM and send it with the manifest (or write it into the local plan).</summary>
    public bool ComputeIsccSum { get; init; }

    /// <summary>The Cognito endpoint override; null means AWS's regional endpoint.</summary>
    public Uri? CognitoEndpoint { get; init; }

    public WorkflowRoute WorkflowRoute { get; init; } = WorkflowRoute.Auto;

    /// <summary>The mean delay before the first retry; later retries double it (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The route actually used: <see cref="WorkflowRoute.Auto"/> resolved by the credentials given.</summary>
    public WorkflowRoute EffectiveWorkflowRoute => WorkflowRoute != WorkflowRoute.Auto ? WorkflowRoute
        : SessionToken is not null ? WorkflowRoute.Runs
        : WorkflowRoute.Instances;

    /// <summary>Redacted text for logs and test failures: secrets never appear.</summary>
    public override string ToString() =>
        $"ImportSettings {{ Environment = {Environment}, InputDir = {InputDir}, OutputDir = {OutputDir}, ApiHost = {ApiHost}, ApiHost2 = {ApiHost2}, ImporterEnabled = {ImporterEnabled}, AssetType = {AssetType}, UploadWorkers = {UploadWorkers}, Credentials = {(SessionToken is not null ? "session token" : ApiKey is not null ? "api key" : "none")} }}";
}
