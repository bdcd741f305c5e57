namespace Accession.TestKit.Omero;

/// <summary>
/// An experimenter group of the fake OMERO. <see cref="Permissions"/> is OMERO's six-letter string
/// (user, group, world): <c>rw----</c> private, <c>rwr---</c> read-only, <c>rwra--</c> read-annotate,
/// <c>rwrw--</c> read-write. Immutable.
/// </summary>
public sealed record FakeOmeroGroup(long Id, string Name, string Permissions)
{
    internal bool GroupCanRead => Permissions[2] == 'r';

    internal bool GroupCanAnnotate => Permissions[3] is 'a' or 'w';

    internal bool GroupCanWrite => Permissions[3] == 'w';
}
