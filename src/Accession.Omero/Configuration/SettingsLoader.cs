using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Accession.Omero.Configuration;

/// <summary>
/// Reads <see cref="OmeroIsccSettings"/> from its sources, later ones winning: defaults &lt; the JSON file
/// given with <c>--config</c> &lt; <c>OMERO_ISCC_*</c> environment variables &lt; command-line flags
/// (shared/specs/omero.md §1.4 names; shared/DESIGN.md "Configuration"). Every value is checked here,
/// so a bad one stops the service before it starts, with one line naming the setting. Stateless.
/// </summary>
public static class SettingsLoader
{
    /// <summary>The prefix of the service's environment variables (shared/specs/omero.md §1.4).</summary>
    public const string EnvironmentPrefix = "OMERO_ISCC_";

    /// <summary>Every key the service reads, as written in the JSON file.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "host", "port", "username", "password", "secure", "poll_interval", "batch_size", "chunk_size",
        "namespace", "log_level", "webhook_url", "webhook_secret", "max_retries", "retry_delay", "web_url",
        "server", "state_path", "narrow", "concurrency", "shard", "metrics_port", "metrics_address", "unhealthy_after",
    ];

    private static readonly string[] LogLevels = ["debug", "info", "warning", "error"];

    /// <summary>Builds the settings.</summary>
    /// <param name="configFile">The JSON file, or null.</param>
    /// <param name="environment">The process environment (only <c>OMERO_ISCC_*</c> names are read).</param>
    /// <param name="flags">Values given on the command line, by key.</param>
    /// <exception cref="SettingsException">A source or value is not usable.</exception>
    public static OmeroIsccSettings Load(
        string? configFile,
        IEnumerable<KeyValuePair<string, string?>> environment,
        IReadOnlyDictionary<string, string?> flags)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(flags);
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            AddJsonFile(builder, configFile);
        }

        builder.AddInMemoryCollection(environment
            .Where(pair => pair.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(pair => KeyValuePair.Create(pair.Key[EnvironmentPrefix.Length..], pair.Value)));
        builder.AddInMemoryCollection(flags);
        return Read(new SettingsReader(builder.Build()));
    }

    /// <summary>How a setting is named in every source, for error messages.</summary>
    internal static string Describe(string key) =>
        $"setting '{key}' ({EnvironmentPrefix}{key.ToUpperInvariant()}, --{key.Replace('_', '-')})";

    private static void AddJsonFile(ConfigurationBuilder builder, string configFile)
    {
        var full = Path.GetFullPath(configFile);
        if (!File.Exists(full))
        {
            throw new SettingsException($"config file '{configFile}' does not exist; give the path of a JSON file with the service's settings.");
        }

        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"config file '{configFile}' is not a readable JSON object of settings: {e.Message.TrimEnd('.')}.");
        }

        // The Python service rejects unknown keys too (its dataclass constructor); a typo must not pass silently.
        var unknown = file.GetChildren().Select(child => child.Key)
            .FirstOrDefault(key => !Keys.Contains(key, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new SettingsException($"config file '{configFile}' has the unknown setting '{unknown}'; known settings: {string.Join(", ", Keys)}.");
        }

        builder.AddConfiguration(file);
    }

    private static OmeroIsccSettings Read(SettingsReader reader)
    {
        var host = reader.Text("host", "localhost");
        var secure = reader.Boolean("secure", true);
        var shard = reader.Shard("shard");
        var logLevel = reader.Text("log_level", "info").ToLowerInvariant();
        if (!LogLevels.Contains(logLevel))
        {
            throw new SettingsException($"{Describe("log_level")} must be one of {string.Join(", ", LogLevels)}, not '{logLevel}'.");
        }

        return new OmeroIsccSettings
        {
            Host = host,
            Port = reader.Integer("port", 4064, 1, 65535),
            Username = reader.Text("username", "root"),
            Password = reader.Text("password", "omero", secret: true),
            Secure = secure,
            PollInterval = TimeSpan.FromSeconds(reader.Integer("poll_interval", 60, 1, 86400)),
            BatchSize = reader.Integer("batch_size", 100, 1, 100_000),
            ChunkSize = reader.Integer("chunk_size", 1024 * 1024, 4096, 64 * 1024 * 1024),
            Namespace = reader.Text("namespace", OmeroIsccSettings.DefaultNamespace),
            LogLevel = logLevel,
            WebhookUrl = reader.OptionalUrl("webhook_url"),
            WebhookSecret = reader.OptionalText("webhook_secret"),
            MaxRetries = reader.Integer("max_retries", 3, 0, 1000),
            RetryDelay = TimeSpan.FromSeconds(reader.Integer("retry_delay", 5, 0, 86400)),
            WebUrl = reader.OptionalUrl("web_url") ?? DefaultWebUrl(host, secure),
            Server = reader.Integer("server", 1, 1, 1000),
            StatePath = reader.Text("state_path", "omero-iscc.sqlite"),
            Narrow = reader.Boolean("narrow", false),
            Concurrency = reader.Integer("concurrency", 4, 1, 64),
            ShardIndex = shard.Index,
            ShardCount = shard.Count,
            MetricsPort = reader.OptionalInteger("metrics_port", 1, 65535),
            MetricsAddress = reader.Address("metrics_address", System.Net.IPAddress.Loopback),
            UnhealthyAfter = TimeSpan.FromSeconds(reader.Integer("unhealthy_after", 300, 1, 86400 * 7)),
        };
    }

    private static Uri DefaultWebUrl(string host, bool secure)
    {
        var text = (secure ? "https://" : "http://") + host + "/";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new SettingsException($"{Describe("host")} '{host}' is not a host name; give a name or address such as omero.example.org.");
        }

        return url;
    }

    /// <summary>Typed access to one configuration with messages that name the setting.</summary>
    private sealed class SettingsReader(IConfiguration configuration)
    {
        public string Text(string key, string defaultValue, bool secret = false)
        {
            var value = configuration[key];
            if (value is null)
            {
                return defaultValue;
            }

            if (value.Trim().Length == 0)
            {
                throw new SettingsException($"{Describe(key)} is empty; give a value{(secret ? string.Empty : $" or leave it out for the default '{defaultValue}'")}.");
            }

            return value;
        }

        public string? OptionalText(string key)
        {
            var value = configuration[key];
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public int Integer(string key, int defaultValue, int minimum, int maximum) =>
            OptionalInteger(key, minimum, maximum) ?? defaultValue;

        public int? OptionalInteger(string key, int minimum, int maximum)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                || number < minimum || number > maximum)
            {
                throw new SettingsException($"{Describe(key)} must be a whole number from {minimum} to {maximum}, not '{value}'.");
            }

            return number;
        }

        public bool Boolean(string key, bool defaultValue)
        {
            var value = configuration[key]?.Trim().ToLowerInvariant();
            return value switch
            {
                null or "" => defaultValue,
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw new SettingsException($"{Describe(key)} must be true or false, not '{configuration[key]}'."),
            };
        }

        public Uri? OptionalUrl(string key)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(url.UserInfo))
            {
                throw new SettingsException($"{Describe(key)} must be an http:// or https:// URL without credentials, not '{value}'.");
            }

            // A base URL ends with a slash so relative routes resolve below it.
            return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
        }

        public System.Net.IPAddress Address(string key, System.Net.IPAddress defaultValue)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                return defaultValue;
            }

            if (!System.Net.IPAddress.TryParse(value.Trim(), out var address))
            {
                throw new SettingsException($"{Describe(key)} must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not '{value}'.");
            }

            return address;
        }

        public (int Index, int Count) Shard(string key)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                return (0, 1);
            }

            var parts = value.Split('/');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count >= 1 && count <= 10_000 && index < count)
            {
                return (index, count);
            }

            throw new SettingsException($"{Describe(key)} must be i/n with 0 <= i < n (this replica's share, e.g. 0/3), not '{value}'.");
        }
    }
}
