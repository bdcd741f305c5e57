using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Iscc;

/// <summary>The options of <c>accession iscc</c> as given on the command line (shared/specs/iscc-sum.md §4.3).</summary>
internal sealed record IsccSettings
{
    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Check { get; init; }

    public bool Tag { get; init; }

    public string? Output { get; init; }

    public bool Zero { get; init; }

    public bool Quiet { get; init; }

    public bool Status { get; init; }

    public bool Warn { get; init; }

    public bool Strict { get; init; }

    public bool Narrow { get; init; }

    public bool Units { get; init; }

    public bool Similar { get; init; }

    public int Threshold { get; init; } = DefaultThreshold;

    public bool Tree { get; init; }

    public bool Walk { get; init; }

    /// <summary><c>--shard INDEX/COUNT</c>: hash only this shard of the files; null: all of them.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary><c>--merge</c>: the FILEs are outputs of <c>--shard</c> runs, to be put back in walk order.</summary>
    public bool Merge { get; init; }

    /// <summary><c>--progress</c> (true) or <c>--no-progress</c> (false); null: decided by whether stderr is a terminal.</summary>
    public bool? Progress { get; init; }

    /// <summary>iscc-sum's default maximum Hamming distance for <c>--similar</c>.</summary>
    public const int DefaultThreshold = 12;

    /// <summary>ISCC-SUMs are wide (2×128 bits) unless <c>--narrow</c> asks for the ISO 24138 form.</summary>
    public IsccSumWidth Width => Narrow ? IsccSumWidth.Narrow : IsccSumWidth.Wide;
}
