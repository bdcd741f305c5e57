using Accession.Iscc.TreeWalk;

namespace Accession.Iscc.Tests.TreeWalk;

public class NameNormalizationTests
{
    [Theory]
    [InlineData("Cafe\u0301.txt", "Caf\u00e9.txt")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("plain.txt", "plain.txt")]
    [InlineData("\u212B", "\u00C5")]
    public void Names_are_compared_in_their_composed_form(string input, string expected)
    {
        Assert.Equal(expected, TreeEntryOrder.Nfc(input));
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_is_kept_as_it_is()
    {
        var broken = "a\uD800b";
        Assert.Equal(broken, TreeEntryOrder.Nfc(broken));
    }

    [Fact]
    public void Decomposed_and_composed_names_sort_together_with_raw_bytes_breaking_the_tie()
    {
        var sorted = TreeEntryOrder.Sort(["Cafe\u0301", "Caf\u00e9", "Cafz", "Cafa"]);
        Assert.Equal(["Cafa", "Cafz", "Cafe\u0301", "Caf\u00e9"], sorted);
    }
}
