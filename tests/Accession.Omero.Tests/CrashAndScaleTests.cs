using Accession.Omero.Service;
using Accession.Omero.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accession.Omero.Tests;

/// <summary>Exactly one annotation per image across crashes, deletions and sharded replicas.</summary>
public sealed class CrashAndScaleTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crash_between_hashing_annotating_and_recording_leaves_exactly_one_annotation(bool afterAnnotating)
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("img.tif", 10_000, 1);
        using (var crashing = scenario.Components())
        {
            var poller = new IsccPoller(scenario.Settings, crashing.Client, crashing.State, null, crashing.Metrics, NullLogger.Instance)
            {
                AfterHash = afterAnnotating ? null : _ => throw new SimulatedCrash(),
                AfterAnnotate = afterAnnotating ? _ => throw new SimulatedCrash() : null,
            };
            await Assert.ThrowsAsync<SimulatedCrash>(() => poller.PollAsync(backfill: false, CancellationToken.None));
        }

        Assert.Equal(afterAnnotating ? 1 : 0, scenario.IsccAnnotations(image.Id).Count);
        var restart = await scenario.PollOnceAsync();
        await scenario.PollOnceAsync();

        Assert.Equal(afterAnnotating ? (0, 1) : (1, 0), (restart.Annotated, restart.AlreadyAnnotated));
        Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"));
        Assert.Single(scenario.Omero.AllMapAnnotations());
    }

    [Fact]
    public async Task An_image_deleted_before_it_is_annotated_is_skipped_not_failed()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var doomed = scenario.AddSingleFileImage("doomed.tif", 1_000, 1);
        var kept = scenario.AddSingleFileImage("kept.tif", 1_000, 2);
        using var components = scenario.Components();
        var poller = new IsccPoller(scenario.Settings, components.Client, components.State, null, components.Metrics, NullLogger.Instance)
        {
            AfterHash = id =>
            {
                if (id == doomed.Id)
                {
                    scenario.Omero.DeleteImage(id);
                }
            },
        };

        var summary = await poller.PollAsync(backfill: false, CancellationToken.None);

        Assert.Equal((1, 0, 1), (summary.Annotated, summary.Failed, summary.Skipped));
        Assert.Single(scenario.IsccAnnotations(kept.Id));
        Assert.Equal(ImageOutcome.Missing, components.State.Find(doomed.Id)!.Outcome);
    }

    [Fact]
    public async Task Sharded_replicas_together_annotate_every_image_once()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var images = Enumerable.Range(0, 7).Select(i => scenario.AddSingleFileImage($"img{i}.tif", 2_000, (ulong)i)).ToList();
        var replicas = Enumerable.Range(0, 3).Select(i => scenario.Settings with
        {
            ShardIndex = i,
            ShardCount = 3,
            StatePath = Path.Combine(scenario.Temp.Path, $"replica{i}.sqlite"),
        }).ToList();

        var summaries = await Task.WhenAll(replicas.Select(settings => scenario.PollOnceAsync(settings)));

        Assert.Equal(images.Count, summaries.Sum(summary => summary.Annotated));
        Assert.All(summaries, summary => Assert.InRange(summary.Annotated, 2, 3));
        Assert.All(images, image => Assert.Single(scenario.IsccAnnotations(image.Id)));
    }

    [Fact]
    public async Task Backfill_finds_an_image_below_the_watermark_that_lacks_a_code()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        scenario.AddSingleFileImage("b.tif", 1_000, 2);
        await scenario.PollOnceAsync();
        var slipped = scenario.AddSingleFileImage("a.tif", 1_000, 1);
        using (var state = StateStore.Open(scenario.Settings.StatePath))
        {
            state.AdvanceWatermark(slipped.Id);
        }

        var normal = await scenario.PollOnceAsync();
        var backfill = await scenario.PollOnceAsync(backfill: true);

        Assert.Equal(0, normal.Annotated);
        Assert.Equal((1, 1), (backfill.Annotated, backfill.AlreadyAnnotated));
        Assert.Single(scenario.IsccAnnotations(slipped.Id));
    }

    private sealed class SimulatedCrash : Exception;
}
