namespace Accession.TestKit.Omero;

/// <summary>
/// An experimenter who can log in to the fake OMERO.web. The first of <see cref="Groups"/> is the default
/// group of a new session; an admin reads and writes in every group. Immutable.
/// </summary>
public sealed record FakeOmeroUser(
    long Id,
    string UserName,
    string FirstName,
    string LastName,
    bool IsAdmin,
    IReadOnlyList<FakeOmeroGroup> Groups)
{
    internal string Password { get; init; } = "";

    internal bool IsMemberOf(long groupId) => Groups.Any(group => group.Id == groupId);
}
