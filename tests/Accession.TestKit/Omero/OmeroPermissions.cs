namespace Accession.TestKit.Omero;

/// <summary>
/// Who may read, annotate and edit what, by OMERO's group permission levels: members read everything in
/// a non-private group and their own data in a private one; annotating another member's image needs
/// read-annotate or read-write; editing another member's annotation needs read-write; admins may do all.
/// </summary>
internal static class OmeroPermissions
{
    public static bool CanRead(FakeOmeroUser user, FakeOmeroImage image) =>
        user.IsAdmin
        || (user.IsMemberOf(image.Group.Id) && (image.Group.GroupCanRead || image.Owner.Id == user.Id));

    public static bool CanAnnotate(FakeOmeroUser user, FakeOmeroImage image) =>
        CanRead(user, image) && (user.IsAdmin || image.Owner.Id == user.Id || image.Group.GroupCanAnnotate);

    public static bool CanReadGroup(FakeOmeroUser user, FakeOmeroGroup group, FakeOmeroUser owner) =>
        user.IsAdmin || (user.IsMemberOf(group.Id) && (group.GroupCanRead || owner.Id == user.Id));

    public static bool CanEdit(FakeOmeroUser user, FakeOmeroGroup group, FakeOmeroUser owner) =>
        user.IsAdmin || owner.Id == user.Id || (user.IsMemberOf(group.Id) && group.GroupCanWrite);
}
