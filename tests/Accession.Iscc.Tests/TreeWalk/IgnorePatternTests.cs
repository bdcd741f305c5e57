using Accession.Iscc.TreeWalk;

namespace Accession.Iscc.Tests.TreeWalk;

public class IgnorePatternTests
{
    [Theory]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", "x/y/a.log", true)]
    [InlineData("*.log", "a.log.txt", false)]
    [InlineData("*.log", "logs/a.txt", false)]
    [InlineData("temp", "temp", true)]
    [InlineData("temp", "a/temp/b.txt", true)]
    [InlineData("temp/", "temp/", true)]
    [InlineData("temp/", "temp", false)]
    [InlineData("temp/", "a/temp/b.txt", true)]
    [InlineData("/top.txt", "top.txt", true)]
    [InlineData("/top.txt", "a/top.txt", false)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "x/docs/a.md", false)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("**/b", "x/y/b", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("**/", "root.txt", false)]
    [InlineData("**/", "dir/file.txt", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("?.txt", "\U0001F600.txt", true)]
    [InlineData("[ab].txt", "a.txt", true)]
    [InlineData("[!ab].txt", "a.txt", false)]
    [InlineData("[!ab].txt", "c.txt", true)]
    [InlineData("\\#hash", "#hash", true)]
    [InlineData("Case.TXT", "case.txt", false)]
    [InlineData("trailing\\ ", "trailing ", true)]
    public void Patterns_match_like_gitwildmatch(string pattern, string path, bool expected)
    {
        var parsed = IgnorePattern.Parse(pattern);
        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.IsMatch(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    [InlineData("/")]
    public void Blank_lines_comments_and_a_lone_slash_match_nothing(string line)
    {
        Assert.Null(IgnorePattern.Parse(line));
    }

    [Fact]
    public void An_exclamation_mark_reincludes()
    {
        var pattern = IgnorePattern.Parse("!keep.log");
        Assert.NotNull(pattern);
        Assert.False(pattern.Excludes);
        Assert.True(pattern.IsMatch("keep.log"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pattern_built_to_backtrack_is_matched_in_linear_time()
    {
        // A backtracking matcher tries every way to split the name among the stars: C(5000, 16) ways.
        var pattern = IgnorePattern.Parse(string.Concat(Enumerable.Repeat("*a", 16)) + "*b");
        var name = new string('a', 5000);
        Assert.NotNull(pattern);

        var matched = await Task.Run(() => pattern.IsMatch(name) || pattern.IsMatch("x/" + name), TestContext.Current.CancellationToken);

        Assert.False(matched);
        Assert.True(pattern.IsMatch(name + "b"));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("dangling\\")]
    public void Invalid_patterns_are_rejected(string line)
    {
        Assert.Throws<FormatException>(() => IgnorePattern.Parse(line));
    }

    [Fact]
    public void The_last_matching_pattern_decides()
    {
        var errors = new List<string>();
        var rules = IgnoreRules.Empty.Extend(IgnoreRules.ParseFile("\uFEFF*.log\n!keep.log\r\nkeep.log\n", errors));

        Assert.Empty(errors);
        Assert.Equal(3, rules.Count);
        Assert.True(rules.IsIgnored("keep.log"));
        Assert.True(rules.IsIgnored("a.log"));
        Assert.False(rules.IsIgnored("a.txt"));
    }
}
