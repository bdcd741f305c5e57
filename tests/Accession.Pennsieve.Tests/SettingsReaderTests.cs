using Accession.Pennsieve.Configuration;

namespace Accession.Pennsieve.Tests;

public class SettingsReaderTests
{
    private static ImportSettings Read(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        map.TryAdd("INPUT_DIR", "/in");
        map.TryAdd("OUTPUT_DIR", "/out");
        return SettingsReader.Read(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Defaults_are_those_of_config_py_except_the_measured_upload_workers()
    {
        var settings = Read();

        Assert.Equal("local", settings.Environment);
        Assert.False(settings.ImporterEnabled);
        Assert.Equal(new Uri("https://api.pennsieve.net"), settings.ApiHost);
        Assert.Equal(new Uri("https://api2.pennsieve.net"), settings.ApiHost2);
        Assert.Equal("ome-zarr", settings.AssetType);
        Assert.Equal(8, settings.UploadWorkers);
        Assert.False(settings.ImportInvalid);
    }

    [Fact]
    public void A_non_local_environment_turns_the_importer_on_and_then_needs_an_integration_id()
    {
        var error = Assert.Throws<SettingsException>(() => Read(("ENVIRONMENT", "production")));

        Assert.Equal("INTEGRATION_ID", error.Setting);
        Assert.StartsWith("INTEGRATION_ID: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("YES", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("on", false)]
    [InlineData("y", false)]
    [InlineData("", false)]
    public void Booleans_parse_as_getboolenv_does(string value, bool expected)
    {
        Assert.Equal(expected, SettingsReader.ParseBool(value, defaultValue: !expected));
    }

    [Fact]
    public void Unset_booleans_take_their_default()
    {
        Assert.True(SettingsReader.ParseBool(null, defaultValue: true));
        Assert.False(SettingsReader.ParseBool(null, defaultValue: false));
    }

    [Theory]
    [InlineData("INPUT_DIR")]
    [InlineData("OUTPUT_DIR")]
    public void A_missing_folder_names_its_variable(string name)
    {
        var map = new Dictionary<string, string> { ["INPUT_DIR"] = "/in", ["OUTPUT_DIR"] = "/out" };
        map.Remove(name);

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(n => map.GetValueOrDefault(n)));

        Assert.Equal(name, error.Setting);
    }

    [Theory]
    [InlineData("UPLOAD_WORKERS", "four")]
    [InlineData("UPLOAD_WORKERS", "0")]
    [InlineData("UPLOAD_WORKERS", "-2")]
    [InlineData("PENNSIEVE_API_HOST", "api.pennsieve.net")]
    [InlineData("PENNSIEVE_API_HOST2", "ftp://api2.pennsieve.net")]
    [InlineData("WORKFLOW_ROUTE", "jobs")]
    public void Invalid_values_name_their_variable(string name, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Read((name, value)));

        Assert.Equal(name, error.Setting);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_mode_takes_a_session_token_instead_of_a_key_and_reads_runs()
    {
        var settings = Read(("IMPORTER_ENABLED", "true"), ("INTEGRATION_ID", "run-1"), ("SESSION_TOKEN", "t"));

        Assert.True(settings.ImporterEnabled);
        Assert.Equal(WorkflowRoute.Runs, settings.EffectiveWorkflowRoute);
    }

    [Fact]
    public void Import_mode_with_a_key_reads_instances_and_needs_the_secret()
    {
        var error = Assert.Throws<SettingsException>(() => Read(("IMPORTER_ENABLED", "yes"), ("INTEGRATION_ID", "run-1"), ("PENNSIEVE_API_KEY", "k")));
        Assert.Equal("PENNSIEVE_API_SECRET", error.Setting);

        var settings = Read(("IMPORTER_ENABLED", "yes"), ("INTEGRATION_ID", "run-1"), ("PENNSIEVE_API_KEY", "k"), ("PENNSIEVE_API_SECRET", "s"));
        Assert.Equal(WorkflowRoute.Instances, settings.EffectiveWorkflowRoute);
    }

    [Fact]
    public void Settings_text_never_shows_secrets()
    {
        var settings = Read(("IMPORTER_ENABLED", "yes"), ("INTEGRATION_ID", "run-1"), ("PENNSIEVE_API_KEY", "key-value-1"), ("PENNSIEVE_API_SECRET", "secret-value-2"), ("SESSION_TOKEN", "token-value-3"));

        var text = settings.ToString();

        Assert.DoesNotContain("key-value-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value-3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cognito_endpoint_override_prefers_the_service_specific_variable()
    {
        Assert.Equal(new Uri("http://127.0.0.1:1"), Read(("AWS_ENDPOINT_URL", "http://127.0.0.1:2"), ("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://127.0.0.1:1")).CognitoEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:2"), Read(("AWS_ENDPOINT_URL", "http://127.0.0.1:2")).CognitoEndpoint);
        Assert.Null(Read().CognitoEndpoint);
    }
}
