using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Codec;

public sealed class IsccSimilarityTests
{
    private const string Base = "sim_base_s7_1MiB";

    [Theory]
    // Distances as shared/vectors/README.md states them for the sim_* cases (wide: 128 Data-Code bits).
    [InlineData("sim_xor_s7_1MiB", 0)]
    [InlineData("sim_insert1_s7_1MiB", 0)]
    [InlineData("sim_delete100_s7_1MiB", 0)]
    [InlineData("sim_xor10_s7_1MiB", 1)]
    public void Small_edits_keep_the_wide_data_code_close(string name, int distance)
    {
        Assert.Equal(distance, IsccSimilarity.DataHammingDistance(Sum(name, "iscc_sum_wide"), Sum(Base, "iscc_sum_wide")));

        // Our own results for the generated inputs agree.
        var ours = IsccSum.Hash(Vectors.ExtendedInput(name)).ToCode(IsccSumWidth.Wide);
        Assert.Equal(distance, IsccSimilarity.DataHammingDistance(ours, Sum(Base, "iscc_sum_wide")));
    }

    [Fact]
    public void Unrelated_random_data_is_about_half_the_narrow_bits_away()
    {
        // README: splitmix64_s1_1048576 is at distance 36 of 64 from the base.
        Assert.Equal(36, IsccSimilarity.DataHammingDistance(Sum("splitmix64_s1_1048576", "iscc_sum"), Sum(Base, "iscc_sum")));
    }

    [Fact]
    public void Narrow_and_wide_compare_their_common_64_bits()
    {
        var narrow = Sum("splitmix64_s1_1048576", "iscc_sum");
        var wide = Sum(Base, "iscc_sum_wide");
        Assert.Equal(IsccSimilarity.DataHammingDistance(narrow, Sum(Base, "iscc_sum")), IsccSimilarity.DataHammingDistance(narrow, wide));
        Assert.Equal(0, IsccSimilarity.DataHammingDistance(Sum(Base, "iscc_sum"), wide));
    }

    [Fact]
    public void A_code_without_a_data_code_cannot_be_compared()
    {
        var instance = IsccCode.InstanceCode(new byte[32]);
        Assert.Throws<ArgumentException>(() => IsccSimilarity.DataHammingDistance(instance, Sum(Base, "iscc_sum")));
    }

    private static IsccCode Sum(string name, string output) => IsccCode.Parse(Vectors.ExtendedOutput(name, output).GetString()!);
}
