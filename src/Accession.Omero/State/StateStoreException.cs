namespace Accession.Omero.State;

/// <summary>The state file cannot be used; the message names it and says what to check.</summary>
public sealed class StateStoreException(string message, Exception inner) : Exception(message, inner);
