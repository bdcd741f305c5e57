using System.Collections;
using System.CommandLine;
using Accession.Omero.Configuration;

namespace Accession.Cli.Commands.Omero;

/// <summary>
/// The setting flags of <c>accession omero-iscc</c> (the Python service's <c>--host</c>, <c>--port</c>,
/// <c>--username</c>, <c>--password</c>, <c>--poll-interval</c>, <c>--log-level</c>, plus one flag per added
/// setting), turned into configuration keys so the settings loader checks every source alike.
/// </summary>
internal sealed class OmeroSettingsOptions
{
    private readonly Option<string> _config = new("--config") { Description = "JSON file with settings (keys as in the docs' table)", HelpName = "FILE", Recursive = true };

    private readonly List<(string Key, Option<string> Option)> _settings =
    [
        Setting("host", "OMERO server host name", "HOST"),
        Setting("port", "OMERO server port (kept for compatibility; HTTP goes to --web-url)", "PORT"),
        Setting("username", "OMERO user name", "NAME"),
        Setting("password", "OMERO password (prefer OMERO_ISCC_PASSWORD: flags are visible to other users)", "PASSWORD"),
        Setting("poll_interval", "Seconds between polls", "SECONDS"),
        Setting("log_level", "debug, info, warning or error", "LEVEL"),
        Setting("web_url", "OMERO.web base URL (default https://HOST, http:// when secure is false)", "URL"),
        Setting("server", "OMERO.web server id (default 1)", "ID"),
        Setting("state_path", "SQLite state file", "FILE"),
        Setting("batch_size", "Images processed per poll", "N"),
        Setting("concurrency", "Images hashed at the same time", "N"),
        Setting("shard", "This replica's share of the images, i/n (images whose id mod n is i)", "I/N"),
        Setting("metrics_port", "Serve /healthz and /metrics on this port (service mode)", "PORT"),
        Setting("metrics_address", "Address /healthz and /metrics listen on (default 127.0.0.1)", "ADDRESS"),
    ];

    /// <summary>The options to add to a command.</summary>
    public IEnumerable<Option> All => _settings.Select(setting => (Option)setting.Option).Prepend(_config);

    /// <summary>Loads the settings from the file named by <c>--config</c>, the environment and the flags given.</summary>
    /// <exception cref="SettingsException">A setting is not usable.</exception>
    public OmeroIsccSettings Load(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? environment, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, option) in _settings)
        {
            if (parse.GetValue(option) is { } value)
            {
                flags[key] = value;
            }
        }

        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            flags[pair.Key] = pair.Value;
        }

        return SettingsLoader.Load(parse.GetValue(_config), environment ?? ProcessEnvironment(), flags);
    }

    private static IEnumerable<KeyValuePair<string, string?>> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(entry => KeyValuePair.Create((string)entry.Key, (string?)entry.Value));

    private static (string, Option<string>) Setting(string key, string description, string helpName) =>
        (key, new Option<string>("--" + key.Replace('_', '-')) { Description = description, HelpName = helpName, Recursive = true });
}
