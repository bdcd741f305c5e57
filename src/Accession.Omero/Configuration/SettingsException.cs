namespace Accession.Omero.Configuration;

/// <summary>A setting is missing, malformed or out of range; the message names it and says what to do.</summary>
public sealed class SettingsException(string message) : Exception(message);
