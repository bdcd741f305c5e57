namespace Accession.TestKit.Omero;

/// <summary>
/// A fileset: the files of one import, under the folder OMERO made for it (<see cref="TemplatePrefix"/>,
/// ending with <c>/</c>). Several images may share it. Immutable.
/// </summary>
public sealed record FakeOmeroFileset(
    long Id,
    string TemplatePrefix,
    FakeOmeroUser Owner,
    FakeOmeroGroup Group,
    IReadOnlyList<FakeOmeroFile> Files);
