namespace Accession.OmeZarr.Validation;

/// <summary>How thoroughly to validate.</summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults: metadata checks only, warnings do not fail.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Also check chunk files against each array's grid (C1–C4), from the entry list only.</summary>
    public bool Deep { get; init; }

    /// <summary>Warnings make the dataset invalid.</summary>
    public bool Strict { get; init; }
}
