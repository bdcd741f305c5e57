namespace Accession.Pennsieve.Configuration;

/// <summary>A setting is missing or invalid. The message names the variable and says what to do.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string setting, string message)
        : base($"{setting}: {message}")
    {
        Setting = setting;
    }

    public SettingsException()
    {
        Setting = string.Empty;
    }

    public SettingsException(string message)
        : base(message)
    {
        Setting = string.Empty;
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = string.Empty;
    }

    /// <summary>The environment variable at fault.</summary>
    public string Setting { get; }
}
