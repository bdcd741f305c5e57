using Accession.Omero.Annotation;
using Accession.Omero.State;
using Accession.TestKit.Omero;

namespace Accession.Omero.Tests;

/// <summary>A poll over a large OMERO where nothing is new costs one pass over the listing and writes nothing.</summary>
public sealed class IdlePollTests
{
    [Fact]
    public async Task A_poll_over_100000_annotated_images_with_nothing_new_pages_once_and_writes_nothing()
    {
        const int count = 100_000;
        await using var scenario = await ServiceScenario.StartAsync();
        var fileset = scenario.Omero.AddFileset(scenario.Alice, scenario.Lab, [FakeOmeroFileSpec.Generated("plate.tif", 100, 1)]);
        for (var i = 0; i < count; i++)
        {
            var image = scenario.Omero.AddImage($"plate.tif [well {i}]", fileset);
            scenario.Omero.SeedMapAnnotation(image.Id, scenario.Alice, scenario.Settings.Namespace, KeyValuePair.Create(IsccAnnotation.SumKey, "ISCC:K4A"));
        }

        using (var state = StateStore.Open(scenario.Settings.StatePath))
        {
            // The service has seen them all before: its watermark is the highest id.
            state.AdvanceWatermark(scenario.Omero.Images[^1].Id);
        }

        var created = scenario.Omero.AnnotationCounts;

        var summary = await scenario.PollOnceAsync();

        var requests = scenario.Omero.Requests;
        Assert.Equal((count, 0, 0), (summary.Listed, summary.Candidates, summary.Annotated));
        Assert.Equal(count / 500, requests.Count(request => request.Path == "/api/v0/m/images/"));
        Assert.Equal(["/api/v0/token/", "/api/v0/login/"], requests.Where(request => request.Path != "/api/v0/m/images/").Select(request => request.Path));
        Assert.Equal(created, scenario.Omero.AnnotationCounts);
        using (var state = StateStore.Open(scenario.Settings.StatePath))
        {
            Assert.Empty(Enum.GetValues<ImageOutcome>().SelectMany(state.List));
        }
    }
}
