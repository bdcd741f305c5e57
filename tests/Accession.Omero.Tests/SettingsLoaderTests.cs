using Accession.Omero.Configuration;
using Accession.TestKit;

namespace Accession.Omero.Tests;

public sealed class SettingsLoaderTests
{
    private static readonly Dictionary<string, string?> NoFlags = [];

    [Fact]
    public void Without_any_source_the_python_service_names_get_their_readme_defaults()
    {
        var settings = SettingsLoader.Load(null, [], NoFlags);

        Assert.Equal("localhost", settings.Host);
        Assert.Equal(4064, settings.Port);
        Assert.Equal("root", settings.Username);
        Assert.Equal("omero", settings.Password);
        Assert.True(settings.Secure);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.PollInterval);
        Assert.Equal(100, settings.BatchSize);
        Assert.Equal(1048576, settings.ChunkSize);
        Assert.Equal("org.iscc.omero.sum", settings.Namespace);
        Assert.Equal("info", settings.LogLevel);
        Assert.Null(settings.WebhookUrl);
        Assert.Equal(3, settings.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.RetryDelay);
        Assert.Equal(new Uri("https://localhost/"), settings.WebUrl);
        Assert.Equal(1, settings.Server);
        Assert.False(settings.Narrow);
        Assert.Equal((0, 1), (settings.ShardIndex, settings.ShardCount));
    }

    [Fact]
    public void File_then_environment_then_flags_each_override_the_one_before()
    {
        using var temp = new TempFolder();
        var file = temp.File("settings.json");
        File.WriteAllText(file, """{ "host": "from-file", "port": 1111, "username": "file-user", "batch_size": 7, "secure": false }""");
        Dictionary<string, string?> environment = new()
        {
            ["OMERO_ISCC_PORT"] = "2222",
            ["OMERO_ISCC_USERNAME"] = "env-user",
            ["OMERO_ISCC_POLL_INTERVAL"] = "9",
            ["UNRELATED"] = "ignored",
        };
        Dictionary<string, string?> flags = new() { ["username"] = "flag-user" };

        var settings = SettingsLoader.Load(file, environment, flags);

        Assert.Equal("from-file", settings.Host);
        Assert.Equal(7, settings.BatchSize);
        Assert.Equal(2222, settings.Port);
        Assert.Equal(TimeSpan.FromSeconds(9), settings.PollInterval);
        Assert.Equal("flag-user", settings.Username);
        Assert.Equal(new Uri("http://from-file/"), settings.WebUrl);
    }

    [Theory]
    [InlineData("OMERO_ISCC_PORT", "abc", "'port' (OMERO_ISCC_PORT, --port) must be a whole number from 1 to 65535, not 'abc'")]
    [InlineData("OMERO_ISCC_PORT", "70000", "'port'")]
    [InlineData("OMERO_ISCC_SECURE", "maybe", "'secure' (OMERO_ISCC_SECURE, --secure) must be true or false")]
    [InlineData("OMERO_ISCC_LOG_LEVEL", "loud", "'log_level' (OMERO_ISCC_LOG_LEVEL, --log-level) must be one of debug, info, warning, error")]
    [InlineData("OMERO_ISCC_WEB_URL", "ftp://omero", "'web_url' (OMERO_ISCC_WEB_URL, --web-url) must be an http:// or https:// URL")]
    [InlineData("OMERO_ISCC_SHARD", "3/3", "'shard' (OMERO_ISCC_SHARD, --shard) must be i/n with 0 <= i < n")]
    [InlineData("OMERO_ISCC_BATCH_SIZE", "0", "'batch_size'")]
    [InlineData("OMERO_ISCC_USERNAME", " ", "'username' (OMERO_ISCC_USERNAME, --username) is empty")]
    public void A_bad_value_is_one_line_naming_the_setting(string variable, string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(null, [KeyValuePair.Create(variable, (string?)value)], NoFlags));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_password_is_reported_without_echoing_a_default()
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(null, [KeyValuePair.Create("OMERO_ISCC_PASSWORD", (string?)"")], new Dictionary<string, string?> { ["password"] = " " }));

        Assert.Contains("'password'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("omero'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "nope.json");

        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(missing, [], NoFlags));

        Assert.Contains($"config file '{missing}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_the_config_file_is_named()
    {
        using var temp = new TempFolder();
        var file = temp.File("settings.json");
        File.WriteAllText(file, """{ "host": "h", "pol_interval": 5 }""");

        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(file, [], NoFlags));

        Assert.Contains("unknown setting 'pol_interval'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_file_that_is_not_json_is_named()
    {
        using var temp = new TempFolder();
        var file = temp.File("settings.json");
        File.WriteAllText(file, "host = h");

        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(file, [], NoFlags));

        Assert.StartsWith($"config file '{file}' is not a readable JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_takes_the_images_whose_id_modulo_n_is_i()
    {
        var settings = SettingsLoader.Load(null, [KeyValuePair.Create("OMERO_ISCC_SHARD", (string?)"1/3")], NoFlags);

        Assert.Equal([1L, 4, 7], Enumerable.Range(0, 9).Select(i => (long)i).Where(settings.OwnsImage));
    }
}
