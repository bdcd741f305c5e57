using System.Globalization;
using System.Text;
using Accession.Cli.TreeWalk;

namespace Accession.Cli.Tests.TreeWalk;

public class UnicodeNfcTests
{
    private static List<(string Input, string Expected)> Cases()
    {
        var data = new List<(string Input, string Expected)>();
        var path = Path.Combine(AppContext.BaseDirectory, "TreeWalk", "nfc-cases.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(';');
            data.Add((parts[0], parts[1]));
        }

        return data;
    }

    [Fact]
    public void Every_generated_case_normalizes_like_the_unicode_database()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (input, expected) in Cases())
        {
            count++;
            var actual = Hex(UnicodeNfc.Normalize(Text(input)));
            if (actual != expected)
            {
                failures.Add($"{input}: expected {expected}, got {actual}");
            }
        }

        Assert.True(count > 2000, $"only {count} cases were read");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("Cafe\u0301.txt", "Caf\u00e9.txt")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("plain.txt", "plain.txt")]
    [InlineData("\u212B", "\u00C5")]
    public void Known_strings_compose(string input, string expected)
    {
        Assert.Equal(expected, UnicodeNfc.Normalize(input));
    }

    [Fact]
    public void Supplementary_code_points_survive()
    {
        var text = "\U0001F600\U0001D15E x";
        Assert.Equal("\U0001F600\U0001D157\U0001D165 x", UnicodeNfc.Normalize(text));
    }

    private static string Text(string hex)
    {
        var builder = new StringBuilder();
        foreach (var part in hex.Split(' '))
        {
            builder.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }

    private static string Hex(string text) =>
        string.Join(' ', text.EnumerateRunes().Select(rune => rune.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
