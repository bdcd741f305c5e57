namespace Accession.Iscc.Tests.Blake3;

/// <summary>Every official vector, in every mode, on every backend, whatever the append sizes.</summary>
[Trait("Category", "Conformance")]
public sealed class Blake3SplitVectorTests
{
    public static TheoryData<string, string> BackendsAndModes()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Blake3TestData.BackendNames)
        {
            foreach (var mode in new[] { "hash", "keyed_hash", "derive_key" })
            {
                data.Add(backend, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BackendsAndModes))]
    public void Every_vector_matches_its_full_extended_output_for_every_split(string backend, string mode)
    {
        var failures = new List<string>();
        foreach (var testCase in Blake3TestData.Cases)
        {
            var length = testCase.GetProperty("input_len").GetInt32();
            var expected = testCase.GetProperty(mode).GetString()!;
            var input = Blake3TestData.Input(length);
            foreach (var (name, parts) in Blake3TestData.SplitPatterns(length))
            {
                var hasher = Blake3TestData.Hasher(mode, backend);
                Blake3TestData.AppendInParts(hasher, input, parts);
                var output = new byte[expected.Length / 2];
                hasher.GetCurrentHash(output);
                if (Blake3TestData.Hex(output) != expected || Blake3TestData.Hex(hasher.GetCurrentHash()) != expected[..64])
                {
                    failures.Add($"{length} bytes, {name}");
                }

                Assert.Equal(length, hasher.Length);
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(BackendsAndModes))]
    public void Extended_output_read_from_an_offset_continues_the_stream(string backend, string mode)
    {
        foreach (var testCase in Blake3TestData.Cases)
        {
            var length = testCase.GetProperty("input_len").GetInt32();
            var expected = Convert.FromHexString(testCase.GetProperty(mode).GetString()!);
            var hasher = Blake3TestData.Hasher(mode, backend);
            hasher.Append(Blake3TestData.Input(length));

            var fromSecondBlock = new byte[expected.Length - 64];
            hasher.GetCurrentHash(64, fromSecondBlock);
            Assert.Equal(expected[64..], fromSecondBlock);

            var tail = new byte[3];
            hasher.GetCurrentHash(128, tail);
            Assert.Equal(expected[128..], tail);
        }
    }
}
