namespace Accession.Pennsieve.Configuration;

/// <summary>
/// The environment variables the processor reads: those of <c>processor-import-ome-zarr</c>'s
/// <c>config.py</c> (shared/specs/pennsieve-import.md §1.2), the newer runner's token variables (§5),
/// the AWS SDKs' endpoint overrides (§1.2), and our own additions.
/// </summary>
public static class SettingNames
{
    public const string Environment = "ENVIRONMENT";
    public const string InputDir = "INPUT_DIR";
    public const string OutputDir = "OUTPUT_DIR";
    public const string ApiHost = "PENNSIEVE_API_HOST";
    public const string ApiHost2 = "PENNSIEVE_API_HOST2";
    public const string ApiKey = "PENNSIEVE_API_KEY";
    public const string ApiSecret = "PENNSIEVE_API_SECRET";
    public const string SessionToken = "SESSION_TOKEN";
    public const string RefreshToken = "REFRESH_TOKEN";
    public const string IntegrationId = "INTEGRATION_ID";
    public const string ImporterEnabled = "IMPORTER_ENABLED";
    public const string AssetType = "ASSET_TYPE";
    public const string UploadWorkers = "UPLOAD_WORKERS";
    public const string CognitoEndpoint = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";
    public const string AwsEndpoint = "AWS_ENDPOINT_URL";

    /// <summary>Ours: import a dataset the validator finds invalid (default false).</summary>
    public const string ImportInvalid = "IMPORT_INVALID_DATASET";

    /// <summary>Ours: which workflow route to read (<c>auto</c>, <c>instances</c>, <c>runs</c>).</summary>
    public const string WorkflowRoute = "WORKFLOW_ROUTE";

    /// <summary>Ours: compute the dataset's tree-mode ISCC-SUM and send it in <c>options.properties</c> (default false).</summary>
    public const string ComputeIsccSum = "COMPUTE_ISCC_SUM";

    /// <summary>Ours: the first retry's mean delay in milliseconds (default 1000, as the Python <c>backoff</c> decorator).</summary>
    public const string RetryDelayMs = "RETRY_BASE_DELAY_MS";
}
