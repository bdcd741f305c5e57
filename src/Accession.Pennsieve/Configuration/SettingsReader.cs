using System.Globalization;

namespace Accession.Pennsieve.Configuration;

/// <summary>
/// Reads <see cref="ImportSettings"/> from a name → value lookup (the environment, overlaid by
/// command-line options) with <c>config.py</c>'s defaults and boolean parsing
/// (shared/specs/pennsieve-import.md §1.2), and checks every value before any work starts.
/// </summary>
public static class SettingsReader
{
    /// <summary>The most uploads in flight we accept; more only queues on the same connections.</summary>
    public const int MaxUploadWorkers = 256;

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="lookup">Returns a variable's value, or null when it is not set.</param>
    /// <exception cref="SettingsException">A setting is missing or invalid; the message names it.</exception>
    public static ImportSettings Read(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var environment = lookup(SettingNames.Environment) ?? "local";
        var importerEnabled = ReadBool(lookup, SettingNames.ImporterEnabled, environment != "local");
        var settings = new ImportSettings
        {
            Environment = environment,
            InputDir = Required(lookup, SettingNames.InputDir, "set it to the folder that holds the archive"),
            OutputDir = Required(lookup, SettingNames.OutputDir, "set it to a writable folder for results"),
            ApiHost = ReadUrl(lookup, SettingNames.ApiHost) ?? ImportSettings.DefaultApiHost,
            ApiHost2 = ReadUrl(lookup, SettingNames.ApiHost2) ?? ImportSettings.DefaultApiHost2,
            ApiKey = NonEmpty(lookup(SettingNames.ApiKey)),
            ApiSecret = NonEmpty(lookup(SettingNames.ApiSecret)),
            SessionToken = NonEmpty(lookup(SettingNames.SessionToken)),
            RefreshToken = NonEmpty(lookup(SettingNames.RefreshToken)),
            IntegrationId = NonEmpty(lookup(SettingNames.IntegrationId)),
            ImporterEnabled = importerEnabled,
            AssetType = lookup(SettingNames.AssetType) ?? "ome-zarr",
            UploadWorkers = ReadInt(lookup, SettingNames.UploadWorkers, ImportSettings.DefaultUploadWorkers, 1, MaxUploadWorkers),
            ImportInvalid = ReadBool(lookup, SettingNames.ImportInvalid, false),
            ComputeIsccSum = ReadBool(lookup, SettingNames.ComputeIsccSum, false),
            CognitoEndpoint = ReadUrl(lookup, SettingNames.CognitoEndpoint) ?? ReadUrl(lookup, SettingNames.AwsEndpoint),
            WorkflowRoute = ReadRoute(lookup),
            RetryBaseDelay = TimeSpan.FromMilliseconds(ReadInt(lookup, SettingNames.RetryDelayMs, 1000, 0, 60_000)),
        };

        if (settings.ImporterEnabled)
        {
            CheckImportSettings(settings);
        }

        return settings;
    }

    /// <summary>
    /// <c>config.py</c>'s <c>getboolenv</c>: unset → the default; set → true only for
    /// <c>true</c>, <c>1</c> or <c>yes</c> in any case; anything else (even <c>on</c>) → false.
    /// </summary>
    public static bool ParseBool(string? value, bool defaultValue) =>
        value is null ? defaultValue
        : value.ToLowerInvariant() is "true" or "1" or "yes";

    private static void CheckImportSettings(ImportSettings settings)
    {
        // The order of main.py's checks (§1.3), then the token alternative of the newer runner (§5).
        if (settings.IntegrationId is null)
        {
            throw new SettingsException(SettingNames.IntegrationId, "is required when the importer is enabled; set it to the workflow run id (or set IMPORTER_ENABLED=false for a local run).");
        }

        if (settings.SessionToken is not null)
        {
            return;
        }

        if (settings.ApiKey is null)
        {
            throw new SettingsException(SettingNames.ApiKey, "is required when the importer is enabled and SESSION_TOKEN is not set; set PENNSIEVE_API_KEY and PENNSIEVE_API_SECRET, or SESSION_TOKEN.");
        }

        if (settings.ApiSecret is null)
        {
            throw new SettingsException(SettingNames.ApiSecret, "is required with PENNSIEVE_API_KEY; set it to the API key's secret.");
        }
    }

    private static string Required(Func<string, string?> lookup, string name, string advice) =>
        NonEmpty(lookup(name)) ?? throw new SettingsException(name, $"is required; {advice}.");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool ReadBool(Func<string, string?> lookup, string name, bool defaultValue) =>
        ParseBool(lookup(name), defaultValue);

    private static int ReadInt(Func<string, string?> lookup, string name, int defaultValue, int min, int max)
    {
        var text = lookup(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new SettingsException(name, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a whole number from {min} to {max}; fix or unset it."));
        }

        return value;
    }

    private static Uri? ReadUrl(Func<string, string?> lookup, string name)
    {
        var text = lookup(name);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        {
            throw new SettingsException(name, $"'{text}' is not an http(s) URL without a query; fix or unset it.");
        }

        return url;
    }

    private static WorkflowRoute ReadRoute(Func<string, string?> lookup)
    {
        var text = lookup(SettingNames.WorkflowRoute);
        return text?.ToLowerInvariant() switch
        {
            null or "auto" => WorkflowRoute.Auto,
            "instances" => WorkflowRoute.Instances,
            "runs" => WorkflowRoute.Runs,
            _ => throw new SettingsException(SettingNames.WorkflowRoute, $"'{text}' is not one of auto, instances, runs."),
        };
    }
}
