using System.IO.Hashing;
using Accession.Iscc.Codec;
using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>The 46 extended vectors (shared/vectors/extended): Data-Codes and the chunker's debug data.</summary>
[Trait("Category", "Conformance")]
public sealed class DataCodeExtendedTests
{
    public static TheoryData<string> Cases() => Vectors.ExtendedNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_input_matches_its_sha256(string name) => Vectors.AssertInputIsGenerated(name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_chunker_reproduces_the_chunk_debug_data(string name)
    {
        Vectors.AssertInputIsGenerated(name);
        var data = Vectors.ExtendedInput(name);
        var sizes = new List<int>();
        var features = new List<uint>();
        ReadOnlySpan<byte> rest = data;
        while (true)
        {
            var cut = CdcReference.FindCutPoint(rest);
            sizes.Add(cut);
            features.Add(XxHash32.HashToUInt32(rest[..cut]));
            if (cut == rest.Length)
            {
                break;
            }

            rest = rest[cut..];
        }

        Assert.Equal(Vectors.ExtendedOutput(name, "cdc_chunk_count").GetInt32(), sizes.Count);
        var firstSizes = Vectors.ExtendedOutput(name, "cdc_first_chunk_sizes").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(firstSizes, sizes.Take(firstSizes.Count));
        Assert.Equal(Vectors.ExtendedOutput(name, "cdc_last_chunk_size").GetInt32(), sizes[^1]);
        var firstFeatures = Vectors.ExtendedOutput(name, "xxh32_first_features").EnumerateArray().Select(e => e.GetUInt32()).ToList();
        Assert.Equal(firstFeatures, features.Take(firstFeatures.Count));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Data_codes_match_one_shot_and_for_every_split(string name)
    {
        Vectors.AssertInputIsGenerated(name);
        var data = Vectors.ExtendedInput(name);
        var expected256 = Vectors.ExtendedOutput(name, "data_code_256").GetString();
        var expected64 = Vectors.ExtendedOutput(name, "data_code_64").GetString();

        var digest = DataHasher.Hash(data);
        Assert.Equal(expected256, IsccCode.DataCode(digest, 256).ToString());
        Assert.Equal(expected64, IsccCode.DataCode(digest, 64).ToString());
        foreach (var (split, pieces) in Splits.For(data.Length))
        {
            var hasher = new DataHasher();
            Splits.Feed(data, pieces, hasher.Append);
            Assert.True(expected256 == IsccCode.DataCode(hasher.GetCurrentHash(), 256).ToString(), $"split {split}");
            Assert.Equal(data.Length, hasher.Length);
        }
    }
}
