using Accession.Iscc.Blake3;

namespace Accession.Iscc.Tests.Blake3;

/// <summary>The kernels' precomputed schedule tables are exactly the spec's message schedule, regrouped.</summary>
public sealed class Blake3ScheduleTableTests
{
    [Fact]
    public void Vector_offsets_are_the_schedule_times_sixteen()
    {
        var schedule = Blake3Constants.MessageSchedule.ToArray();
        var offsets = Blake3Constants.MessageScheduleOffsets.ToArray();

        Assert.Equal(schedule.Select(word => (ushort)(word * 16)), offsets);
    }

    [Fact]
    public void Row_schedule_groups_each_round_into_the_four_G_inputs()
    {
        var schedule = Blake3Constants.MessageSchedule.ToArray();
        var rows = Blake3CompressRows.RowSchedule.ToArray();
        Assert.Equal(7 * 16, rows.Length);

        for (var round = 0; round < 7; round++)
        {
            var s = schedule.AsSpan(round * 16, 16);
            uint[] expected =
            [
                s[0], s[2], s[4], s[6], s[1], s[3], s[5], s[7],
                s[8], s[10], s[12], s[14], s[9], s[11], s[13], s[15],
            ];
            Assert.Equal(expected, rows.AsSpan(round * 16, 16).ToArray());
        }
    }
}
