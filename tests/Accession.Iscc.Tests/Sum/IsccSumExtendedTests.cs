using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// The 46 extended vectors (up to 10 MB) through every entry point: one-shot, split appends,
/// streams (which use the two-thread pipeline from 1 MiB on), files, and a ring of small buffers.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class IsccSumExtendedTests
{
    public static TheoryData<string> Cases() => Vectors.ExtendedNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_shot_matches(string name) => AssertResult(name, IsccSum.Hash(Input(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Random_splits_match(string name)
    {
        var data = Input(name);
        foreach (var (split, pieces) in Splits.For(data.Length).Where(s => s.Name.StartsWith("random", StringComparison.Ordinal) || s.Name == "mixed"))
        {
            var hasher = new IsccSumHasher();
            Splits.Feed(data, pieces, hasher.Append);
            AssertResult($"{name}, split {split}", hasher.GetCurrentResult());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stream_matches(string name)
    {
        using var stream = new MemoryStream(Input(name), writable: false);
        AssertResult(name, await IsccSum.HashAsync(stream));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stream_with_short_reads_matches(string name)
    {
        using var stream = new TrickleStream(Input(name), seed: name.Length);
        AssertResult(name, await IsccSum.HashAsync(stream));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task File_matches(string name)
    {
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, Input(name));
        AssertResult(name, await IsccSum.HashFileAsync(path));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ring_of_small_buffers_matches(string name)
    {
        // 64 KiB buffers, 3 in the ring, no single-thread shortcut: megabyte inputs cycle the ring many times.
        using var stream = new MemoryStream(Input(name), writable: false);
        var hasher = new IsccSumHasher();
        await hasher.AppendWithOptionsAsync(stream, null, new IsccSumPipeline.Options(64 << 10, 3, 0), CancellationToken.None);
        AssertResult(name, hasher.GetCurrentResult());
    }

    private static byte[] Input(string name)
    {
        Vectors.AssertInputIsGenerated(name);
        return Vectors.ExtendedInput(name);
    }

    private static void AssertResult(string context, IsccSumResult result)
    {
        var name = context.Split(',')[0];
        string Expected(string output) => Vectors.ExtendedOutput(name, output).ToString();

        Assert.True(Expected("iscc_sum") == result.ToIscc(IsccSumWidth.Narrow), context);
        Assert.True(Expected("iscc_sum_wide") == result.ToIscc(IsccSumWidth.Wide), context);
        Assert.True(Expected("datahash") == result.Datahash, context);
        Assert.True(Vectors.ExtendedOutput(name, "filesize").GetInt64() == result.Filesize, context);
        Assert.Equal([Expected("data_code_256"), Expected("instance_code_256")], result.Units);
        Assert.Equal(Expected("data_code_64"), IsccCode.DataCode(result.DataDigest.Span).ToString());
        Assert.Equal(Expected("instance_code_64"), IsccCode.InstanceCode(result.InstanceDigest.Span).ToString());
    }
}
