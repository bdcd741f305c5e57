using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--shard INDEX/COUNT</c>: this run hashes the files whose shard key modulo COUNT is INDEX, 0-based
/// like Slurm's <c>SLURM_ARRAY_TASK_ID</c> (with <c>--array=0-N</c>) and Kubernetes' <c>JOB_COMPLETION_INDEX</c>.
/// The shard key is XXH64 (seed 0) of the path as printed, before escaping: its UTF-8 bytes, with each
/// byte that is not valid UTF-8 as it is. It depends on nothing but that path, so every machine, platform
/// and run agrees, and <c>--merge</c> can tell which shard each line came from. Immutable and thread-safe.
/// </summary>
internal sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The spec in <paramref name="text"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static ShardSpec? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && IsDigits(text.AsSpan(0, slash)) && IsDigits(text.AsSpan(slash + 1))
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            error = null;
            return new ShardSpec(index, count);
        }

        error = $"--shard expects INDEX/COUNT with 0 <= INDEX < COUNT (0-based, like SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX), e.g. 0/4, not '{text}'";
        return null;
    }

    /// <summary>The shard, 0 to <paramref name="count"/> - 1, that the file printed as <paramref name="path"/> belongs to.</summary>
    public static int Of(string path, int count) => (int)(XxHash64.HashToUInt64(BytesOf(path)) % (ulong)count);

    /// <summary>True when the file printed as <paramref name="path"/> is hashed by this shard.</summary>
    public bool Includes(string path) => Of(path, Count) == Index;

    private static byte[] BytesOf(string path) =>
        FileNameBytes.HasRawBytes(path) ? FileNameBytes.Encode(path) : Encoding.UTF8.GetBytes(path);

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
