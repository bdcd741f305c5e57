using System.Security.Cryptography;
using System.Text.Json;
using Accession.TestKit;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>
/// Chunking the generated inputs of shared/vectors/extended/iscc_sum_extended.json reproduces the
/// reference chunker's debug outputs (<c>cdc_*</c>, README §4) on every path.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class CdcExtendedVectorTests
{
    private static readonly JsonElement Cases = JsonDocument
        .Parse(File.ReadAllBytes(SharedData.Path("vectors", "extended", "iscc_sum_extended.json")))
        .RootElement.GetProperty("iscc_sum_extended");

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var testCase in Cases.EnumerateObject())
        {
            names.Add(testCase.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_path_reproduces_the_reference_chunk_sizes(string name)
    {
        var testCase = Cases.GetProperty(name);
        var outputs = testCase.GetProperty("outputs");
        var input = Generate(testCase.GetProperty("inputs"));
        Assert.Equal(outputs.GetProperty("sha256_of_input").GetString(), Convert.ToHexStringLower(SHA256.HashData(input)));

        var expectedCount = outputs.GetProperty("cdc_chunk_count").GetInt32();
        var expectedFirst = outputs.GetProperty("cdc_first_chunk_sizes").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var expectedLast = outputs.GetProperty("cdc_last_chunk_size").GetInt32();

        var results = new Dictionary<string, List<int>> { ["Reference"] = CdcPaths.ReferenceChunks(input) };
        foreach (var path in CdcPaths.SingleNames())
        {
            results[path] = CdcPaths.SingleChunks(CdcPaths.Single(path), input);
        }

        foreach (var path in CdcPaths.BatchNames())
        {
            results[path] = CdcPaths.BatchChunks(CdcPaths.Batch(path), input);
        }

        foreach (var (path, lengths) in results)
        {
            // The vectors count an empty input as one chunk of size 0.
            var chunks = lengths.Count == 0 ? [0] : lengths;
            Assert.True(expectedCount == chunks.Count, $"{path}: {chunks.Count} chunks, expected {expectedCount}");
            Assert.Equal(expectedFirst, chunks.Take(expectedFirst.Count));
            Assert.True(expectedLast == chunks[^1], $"{path}: last chunk {chunks[^1]}, expected {expectedLast}");
            Assert.Equal(input.Length, chunks.Sum());
        }
    }

    /// <summary>Builds an input from its generator and applies the mutations in order (README §4).</summary>
    private static byte[] Generate(JsonElement inputs)
    {
        var length = inputs.GetProperty("length").GetInt32();
        var data = inputs.GetProperty("generator").GetString() switch
        {
            "zeros" => new byte[length],
            "pattern251" => CdcTestData.Pattern251(length),
            "splitmix64" => CdcTestData.SplitMix64(inputs.GetProperty("seed").GetUInt64(), length),
            var other => throw new InvalidDataException($"unknown generator '{other}' in the extended vectors"),
        };

        if (!inputs.TryGetProperty("mutations", out var mutations))
        {
            return data;
        }

        var buffer = data.ToList();
        foreach (var mutation in mutations.EnumerateArray())
        {
            var offset = mutation.GetProperty("offset").GetInt32();
            if (mutation.TryGetProperty("xor", out var xor))
            {
                buffer[offset] ^= (byte)xor.GetInt32();
            }
            else if (mutation.TryGetProperty("insert_hex", out var insert))
            {
                buffer.InsertRange(offset, Convert.FromHexString(insert.GetString()!));
            }
            else
            {
                buffer.RemoveRange(offset, mutation.GetProperty("delete").GetInt32());
            }
        }

        return [.. buffer];
    }
}
