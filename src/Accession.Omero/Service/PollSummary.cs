namespace Accession.Omero.Service;

/// <summary>What one poll did. Immutable.</summary>
/// <param name="Listed">Images the user can read (this replica's share).</param>
/// <param name="Candidates">Images newer than the watermark (all with backfill) plus failed images due again.</param>
/// <param name="AlreadyAnnotated">Candidates that already carried an ISCC annotation.</param>
/// <param name="Annotated">Images annotated by this poll.</param>
/// <param name="Failed">Images whose attempt failed (to be retried).</param>
/// <param name="Parked">Images that failed for the last allowed time.</param>
/// <param name="Skipped">Images without files, or gone before they were done.</param>
/// <param name="Remaining">Candidates left for the next poll by the batch size.</param>
/// <param name="BytesHashed">Bytes downloaded and hashed.</param>
/// <param name="Watermark">The watermark after the poll.</param>
/// <param name="Duration">How long the poll took.</param>
public sealed record PollSummary(
    int Listed,
    int Candidates,
    int AlreadyAnnotated,
    int Annotated,
    int Failed,
    int Parked,
    int Skipped,
    int Remaining,
    long BytesHashed,
    long Watermark,
    TimeSpan Duration)
{
    /// <summary>One line for logs and the <c>--once</c> summary.</summary>
    public override string ToString() =>
        $"{Annotated} annotated, {AlreadyAnnotated} already annotated, {Failed} failed, {Parked} parked, {Skipped} skipped, "
        + $"{Remaining} left for the next poll; {Listed} images listed, {BytesHashed} bytes hashed, watermark {Watermark}, "
        + $"{Duration.TotalSeconds:0.0} s";
}
