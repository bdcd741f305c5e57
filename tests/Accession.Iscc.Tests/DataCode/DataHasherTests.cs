using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

public sealed class DataHasherTests
{
    [Fact]
    public void Reading_the_digest_does_not_disturb_the_state()
    {
        var data = Vectors.SplitMix64(5, 200_000);
        var hasher = new DataHasher();
        hasher.Append(data.AsSpan(0, 70_000));
        var partial = hasher.GetCurrentHash();
        Assert.Equal(partial, hasher.GetCurrentHash());
        Assert.Equal(DataHasher.Hash(data.AsSpan(0, 70_000)), partial);

        hasher.Append(data.AsSpan(70_000));
        Assert.Equal(DataHasher.Hash(data), hasher.GetCurrentHash());
    }

    [Fact]
    public void Reset_returns_to_the_empty_digest()
    {
        var hasher = new DataHasher();
        hasher.Append(Vectors.SplitMix64(9, 50_000));
        hasher.Reset();
        Assert.Equal(0, hasher.Length);
        Assert.Equal(DataHasher.Hash([]), hasher.GetCurrentHash());
    }

    [Fact]
    public void Random_splits_of_random_data_agree_with_one_shot()
    {
        var random = new Random(123);
        for (var round = 0; round < 20; round++)
        {
            var data = Vectors.SplitMix64((ulong)round, random.Next(0, 300_000));
            var expected = DataHasher.Hash(data);
            var hasher = new DataHasher();
            var offset = 0;
            while (offset < data.Length)
            {
                // Sizes around the pending limit and the maximum chunk size.
                var piece = Math.Min(data.Length - offset, random.Next(4) switch
                {
                    0 => random.Next(0, 10),
                    1 => random.Next(8180, 8200),
                    2 => random.Next(50_000, 70_000),
                    _ => random.Next(0, 20_000),
                });
                hasher.Append(data.AsSpan(offset, piece));
                offset += piece;
            }

            Assert.Equal(expected, hasher.GetCurrentHash());
        }
    }

    [Fact]
    public void A_destination_shorter_than_the_digest_is_rejected()
    {
        var hasher = new DataHasher();
        Assert.Throws<ArgumentException>(() => hasher.GetCurrentHash(new byte[31]));
    }
}
