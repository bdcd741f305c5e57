using Accession.Iscc;

namespace Accession.Cli.Commands.Iscc;

/// <summary>What hashing one input gave: a result, or the text of the error that stopped it.</summary>
internal readonly record struct HashOutcome(IsccSumResult? Result, string? Error);
