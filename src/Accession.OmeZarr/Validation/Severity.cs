namespace Accession.OmeZarr.Validation;

/// <summary>How much a validation finding matters.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never affects the verdict.</summary>
    Info,

    /// <summary>A SHOULD of the specification is not met; fails only with <c>--strict</c>.</summary>
    Warning,

    /// <summary>A MUST of the specification is not met: the dataset is invalid.</summary>
    Error,
}
