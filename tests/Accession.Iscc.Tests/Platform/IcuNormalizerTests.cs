using System.Text;
using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Platform;

/// <summary>
/// The direct ICU path of invariant globalization mode against <see cref="string.Normalize()"/>, which
/// this test process (ICU mode) runs through the runtime: same results, same refusals.
/// </summary>
public sealed class IcuNormalizerTests
{
    public static TheoryData<string> Names => new()
    {
        "Cafe\u0301.txt",
        "Caf\u00E9.txt",
        "\u212B ngstr\u00F6m",
        "\uFB01le \u2460 \u00BD",
        "\u1100\u1161\u11A8 \uAC00\u11A8 \u1112\u1161\u11AB",
        "a\u0302\u0323 a\u0323\u0302 \u1EAD q\u0307\u0323",
        "\uD83D\uDC69\u200D\uD83D\uDD2C \uD83C\uDDE9\uD83C\uDDEA \u00E9\uD83D\uDE00",
        "\u0958\u0959 \u2126 \u0344 \u0F73",
        "\uD834\uDD5E\uD834\uDD65",
        "e\u0301\u0301\u0301\u0301",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Icu_called_directly_normalises_as_the_runtime_does(string name)
    {
        var expected = name.Normalize(NormalizationForm.FormC);

        Assert.Equal(expected, IcuNormalizer.Shared.Normalize(name));
    }

    [Fact]
    public void Icu_called_directly_refuses_what_the_runtime_refuses()
    {
        // A fact, not a theory: theory data would not carry lone surrogates through unchanged.
        foreach (var name in new[] { "a\uD800b", "a\uDC80", "\uDFFF\uD800", "tail\uD83D", "x\uFFFEy" })
        {
            Assert.Throws<ArgumentException>(() => name.Normalize(NormalizationForm.FormC));
            Assert.Throws<ArgumentException>(() => IcuNormalizer.Shared.Normalize(name));
        }
    }

    [Fact]
    public void Names_that_are_not_valid_utf8_normalise_around_their_raw_bytes_on_the_direct_path_too()
    {
        string[] names = [FileNameBytes.Decode([0x65, 0xCC, 0x81, 0xFF]), FileNameBytes.Decode([0xFF, 0x41, 0xCC, 0x8A, 0xC3]), "a\uD800e\u0301"];
        var expected = names.Select(TreeEntryOrder.Nfc).ToList();

        using (UnicodeNfc.Force(IcuNormalizer.Shared))
        {
            Assert.Equal(expected, names.Select(TreeEntryOrder.Nfc));
        }

        Assert.Equal("\u00E9\uDCFF", expected[0]);
    }

    [Fact]
    public void Every_code_point_normalises_as_the_runtime_does()
    {
        // Each scalar value in a run of 32, then again followed by combining marks that reorder and compose.
        var runs = new List<string>();
        var run = new StringBuilder();
        for (var scalar = 0x80; scalar <= 0x10FFFF; scalar++)
        {
            if (scalar is >= 0xD800 and <= 0xDFFF || scalar == 0xFFFE)
            {
                continue;
            }

            run.Append(char.ConvertFromUtf32(scalar));
            if (run.Length >= 32)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        runs.Add(run.ToString());
        var mismatches = runs.Concat(runs.Select(r => r.Replace("a", "a\u0323\u0302", StringComparison.Ordinal) + "\u0327\u0301"))
            .Where(text => IcuNormalizer.Shared.Normalize(text) != text.Normalize(NormalizationForm.FormC))
            .Take(5)
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void A_result_longer_than_the_stack_buffer_is_normalised_in_full()
    {
        // U+0958 is excluded from composition: its NFC is two code units, so the result doubles.
        var name = new string('\u0958', 700);

        var normalized = IcuNormalizer.Shared.Normalize(name);

        Assert.Equal(1400, normalized.Length);
        Assert.Equal(name.Normalize(NormalizationForm.FormC), normalized);
    }

    [Fact]
    public void A_name_already_in_nfc_comes_back_as_the_same_instance()
    {
        var name = "Caf\u00E9 \uAC01";

        Assert.Same(name, IcuNormalizer.Shared.Normalize(name));
    }

    [Fact]
    public void The_library_is_found_by_its_versioned_soname()
    {
        var library = IcuLibrary.Find();

        Assert.NotNull(library);
        Assert.Matches(@"^libicuuc\.so\.\d+$", library.FileName);
    }

    [Fact]
    public void The_installed_majors_beside_the_c_library_are_tried_before_the_rest_of_the_range()
    {
        var found = int.Parse(IcuLibrary.Find()!.FileName["libicuuc.so.".Length..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(found, IcuLibrary.InstalledMajors().First());
        var order = IcuLibrary.Candidates(null, [found]).Select(candidate => candidate.FileName).ToList();
        Assert.Equal("libicuuc.so." + found, order[0]);
        Assert.Equal(IcuLibrary.NewestMajor - IcuLibrary.OldestMajor + 1, order.Count);
    }

    [Fact]
    public void The_version_override_is_tried_first_and_a_missing_one_falls_back_to_the_search()
    {
        var found = IcuLibrary.Find()!.FileName;
        var version = found["libicuuc.so.".Length..];

        Assert.Equal(found, IcuLibrary.Find(IcuLibrary.Candidates(version, []))!.FileName);
        var (fileName, suffixes) = IcuLibrary.Candidates(version + ".1", []).First();
        Assert.Equal("libicuuc.so." + version + ".1", fileName);
        Assert.Equal(["", "_" + version, "_" + version + "_1"], suffixes);
        Assert.Equal(found, IcuLibrary.Find(IcuLibrary.Candidates("999", []))!.FileName);
    }

    [Fact]
    public void Without_icu_a_non_ascii_name_fails_with_what_to_install_and_ascii_needs_nothing()
    {
        var missing = new IcuNormalizer(() => IcuLibrary.Find([("libicuuc.so.0", [""])]));

        var error = Assert.Throws<DllNotFoundException>(() => missing.Normalize("Cafe\u0301"));
        Assert.Contains("libicuuc", error.Message, StringComparison.Ordinal);
        Assert.Contains("install", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);

        using (UnicodeNfc.Force(missing))
        {
            Assert.Equal(["a", "b"], TreeEntryOrder.Sort(["b", "a"]));
            Assert.Throws<DllNotFoundException>(() => TreeEntryOrder.Sort(["b", "Cafe\u0301"]));
        }
    }

    [Fact]
    public void A_walk_through_the_direct_path_equals_the_runtime_walk()
    {
        using var folder = new TempFolder();
        string[] names = ["Cafe\u0301.txt", "Caf\u00E9.txt", "Cafz.txt", "Cafa.txt", "e\u0301/1", "\u00E9/2", "z/3", "\u212B", "\u00C5"];
        foreach (var name in names)
        {
            File.WriteAllText(folder.File(name), name);
        }

        var expected = TreeWalker.WalkFolder(folder.Path).Select(entry => entry.RelativePath).ToList();
        using (UnicodeNfc.Force(IcuNormalizer.Shared))
        {
            Assert.Equal(expected, TreeWalker.WalkFolder(folder.Path).Select(entry => entry.RelativePath));
        }

        // Names compared as they are, without NFC, would put "Cafe\u0301.txt" ('e') before "Cafz.txt".
        Assert.True(expected.IndexOf("Cafz.txt") < expected.IndexOf("Cafe\u0301.txt"));
    }
}
