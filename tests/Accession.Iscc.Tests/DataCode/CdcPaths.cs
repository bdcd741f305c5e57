using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>Every chunker path by name, so theories can force each one on machines that have it.</summary>
internal static class CdcPaths
{
    public delegate int CutPoint(ReadOnlySpan<byte> buffer);

    public delegate int CutPoints(ReadOnlySpan<byte> buffer, Span<int> lengths);

    public static string[] SingleNames() => ["FindCutPoint", "ScalarUnrolled"];

    /// <summary>The batch paths this machine can run.</summary>
    public static List<string> BatchNames()
    {
        var names = new List<string> { "FindCutPoints", "Scalar" };
        if (CdcChunker.IsVector512Supported)
        {
            names.Add("Vector512");
        }

        return names;
    }

    public static CutPoint Single(string name) => name switch
    {
        "FindCutPoint" => CdcChunker.FindCutPoint,
        "ScalarUnrolled" => CdcChunker.FindCutPointScalarUnrolled,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown single-chunk path"),
    };

    public static CutPoints Batch(string name) => name switch
    {
        "FindCutPoints" => CdcChunker.FindCutPoints,
        "Scalar" => CdcChunker.FindCutPointsScalar,
        "Vector512" => CdcChunker.FindCutPointsVector512,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown batch path"),
    };

    /// <summary>The chunk lengths of the whole buffer by the reference rule (none for an empty buffer).</summary>
    public static List<int> ReferenceChunks(ReadOnlySpan<byte> data)
    {
        var lengths = new List<int>();
        for (var start = 0; start < data.Length;)
        {
            var length = CdcReference.FindCutPoint(data[start..]);
            lengths.Add(length);
            start += length;
        }

        return lengths;
    }

    /// <summary>The chunk lengths of the whole buffer by repeated calls of a single-chunk path.</summary>
    public static List<int> SingleChunks(CutPoint path, ReadOnlySpan<byte> data)
    {
        var lengths = new List<int>();
        for (var start = 0; start < data.Length;)
        {
            var length = path(data[start..]);
            lengths.Add(length);
            start += length;
        }

        return lengths;
    }

    /// <summary>The chunk lengths of the whole buffer by a batch path, asking for at most <paramref name="capacity"/> per call.</summary>
    public static List<int> BatchChunks(CutPoints path, ReadOnlySpan<byte> data, int capacity = 1 << 16)
    {
        var lengths = new List<int>();
        var buffer = new int[capacity];
        for (var start = 0; start < data.Length;)
        {
            var count = path(data[start..], buffer);
            Assert.InRange(count, 1, capacity);
            for (var i = 0; i < count; i++)
            {
                lengths.Add(buffer[i]);
                start += buffer[i];
            }
        }

        return lengths;
    }
}
