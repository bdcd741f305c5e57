using Accession.Omero.State;
using Accession.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Accession.Omero.Tests;

public sealed class StateStoreTests
{
    [Fact]
    public void The_watermark_starts_at_zero_survives_reopening_and_never_goes_back()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "state", "omero-iscc.sqlite");
        using (var store = StateStore.Open(path))
        {
            Assert.Equal(0, store.GetWatermark());
            store.AdvanceWatermark(42);
            store.AdvanceWatermark(17);
            Assert.Equal(42, store.GetWatermark());
        }

        using var reopened = StateStore.Open(path);
        Assert.Equal(42, reopened.GetWatermark());
    }

    [Fact]
    public void A_failing_image_is_retried_after_a_growing_delay_then_parked()
    {
        using var temp = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var store = StateStore.Open(Path.Combine(temp.Path, "s.sqlite"), clock);
        var delay = TimeSpan.FromSeconds(10);

        var first = store.RecordFailure(7, "download cut off", maxRetries: 2, delay);
        Assert.Equal((ImageOutcome.Failed, 1), (first.Outcome, first.Attempts));
        Assert.Empty(store.RetriesDue());
        clock.Advance(delay);
        Assert.Equal([7L], store.RetriesDue());

        var second = store.RecordFailure(7, "download cut off", maxRetries: 2, delay);
        Assert.Equal(clock.GetUtcNow() + (2 * delay), second.NextAttempt);
        clock.Advance(2 * delay);
        var third = store.RecordFailure(7, "HTTP 500", maxRetries: 2, delay);

        Assert.Equal((ImageOutcome.Parked, 3, "HTTP 500"), (third.Outcome, third.Attempts, third.LastError));
        Assert.Null(third.NextAttempt);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(store.RetriesDue());
        Assert.Equal([7L], store.List(ImageOutcome.Parked).Select(record => record.ImageId));
    }

    [Fact]
    public void Success_after_failures_clears_them()
    {
        using var temp = new TempFolder();
        using var store = StateStore.Open(Path.Combine(temp.Path, "s.sqlite"));
        store.RecordFailure(3, "boom", maxRetries: 3, TimeSpan.Zero);

        store.RecordDone(3, ImageOutcome.Annotated, "ISCC:K4A");

        var record = store.Find(3)!;
        Assert.Equal((ImageOutcome.Annotated, 0, "ISCC:K4A", null), (record.Outcome, record.Attempts, record.IsccCode, record.LastError));
        Assert.Empty(store.RetriesDue());
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_named()
    {
        using var temp = new TempFolder();
        var path = temp.File("state.sqlite");
        File.WriteAllText(path, "this is not a database, just text that is long enough to have a header page");

        var error = Assert.Throws<StateStoreException>(() => StateStore.Open(path));

        Assert.StartsWith($"state file '{path}' cannot be opened", error.Message, StringComparison.Ordinal);
    }
}
