using System.Text.Json;

namespace Accession.TestKit.Omero;

/// <summary>
/// Images as omero-marshal encodes them for the JSON API (spec omero.md §2.4): <c>@id</c>, <c>@type</c>,
/// <c>Name</c>, <c>AcquisitionDate</c> in epoch ms, <c>Pixels</c>, <c>omero:details</c> with owner, group and
/// permissions; null fields omitted. With <c>normalize</c>, owner and group shrink to <c>{"@id"}</c>.
/// </summary>
internal static class ImageJson
{
    private const string Ome = "http://www.openmicroscopy.org/Schemas/OME/2016-06#";

    public static void WriteImage(Utf8JsonWriter writer, OmeroExchange exchange, FakeOmeroImage image, bool normalize, bool detail)
    {
        var url = $"{exchange.BaseUrl}{OmeroRoutes.Images}{image.Id}/";
        writer.WriteStartObject();
        writer.WriteNumber("@id", image.Id);
        writer.WriteString("@type", Ome + "Image");
        writer.WriteString("Name", image.Name);
        if (image.AcquisitionDate is { } acquired)
        {
            writer.WriteNumber("AcquisitionDate", acquired.ToUnixTimeMilliseconds());
        }

        writer.WriteBoolean("omero:archived", false);
        writer.WriteBoolean("omero:partial", false);
        writer.WriteNumber("omero:series", 0);
        WritePixels(writer, image, detail);
        writer.WriteStartObject("omero:details");
        writer.WriteString("@type", "TBD#Details");
        writer.WritePropertyName("owner");
        WriteExperimenter(writer, image.Owner, normalize);
        writer.WritePropertyName("group");
        WriteGroup(writer, image.Group, normalize);
        WritePermissions(writer, exchange.User, image);
        writer.WriteEndObject();
        if (detail)
        {
            writer.WriteString("url:datasets", url + "datasets/");
            writer.WriteString("url:rois", url + "rois/");
        }
        else
        {
            writer.WriteString("url:image", url);
        }

        writer.WriteEndObject();
    }

    public static void WriteExperimenter(Utf8JsonWriter writer, FakeOmeroUser user, bool reference)
    {
        writer.WriteStartObject();
        writer.WriteNumber("@id", user.Id);
        if (!reference)
        {
            writer.WriteString("@type", Ome + "Experimenter");
            writer.WriteString("FirstName", user.FirstName);
            writer.WriteString("LastName", user.LastName);
            writer.WriteString("UserName", user.UserName);
        }

        writer.WriteEndObject();
    }

    public static void WriteGroup(Utf8JsonWriter writer, FakeOmeroGroup group, bool reference)
    {
        writer.WriteStartObject();
        writer.WriteNumber("@id", group.Id);
        if (!reference)
        {
            writer.WriteString("@type", Ome + "ExperimenterGroup");
            writer.WriteString("Name", group.Name);
            writer.WriteStartObject("omero:details");
            writer.WriteString("@type", "TBD#Details");
            writer.WriteStartObject("permissions");
            writer.WriteString("@type", "TBD#Permissions");
            writer.WriteString("perm", group.Permissions);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePixels(Utf8JsonWriter writer, FakeOmeroImage image, bool withChannels)
    {
        writer.WriteStartObject("Pixels");
        writer.WriteNumber("@id", image.Id);
        writer.WriteString("@type", Ome + "Pixels");
        writer.WriteNumber("SizeX", image.SizeX);
        writer.WriteNumber("SizeY", image.SizeY);
        writer.WriteNumber("SizeZ", image.SizeZ);
        writer.WriteNumber("SizeC", image.SizeC);
        writer.WriteNumber("SizeT", image.SizeT);
        writer.WriteStartObject("Type");
        writer.WriteString("@type", "TBD#PixelsType");
        writer.WriteString("value", image.PixelsType);
        writer.WriteEndObject();
        writer.WriteString("DimensionOrder", "XYZCT");
        if (withChannels)
        {
            writer.WriteStartArray("Channels");
            for (var channel = 0; channel < image.SizeC; channel++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("@id", (image.Id * 100) + channel);
                writer.WriteString("@type", Ome + "Channel");
                writer.WriteNumber("SamplesPerPixel", 1);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePermissions(Utf8JsonWriter writer, FakeOmeroUser user, FakeOmeroImage image)
    {
        var perm = image.Group.Permissions;
        var owns = image.Owner.Id == user.Id;
        writer.WriteStartObject("permissions");
        writer.WriteString("@type", "TBD#Permissions");
        writer.WriteString("perm", perm);
        writer.WriteBoolean("canAnnotate", OmeroPermissions.CanAnnotate(user, image));
        writer.WriteBoolean("canDelete", owns || user.IsAdmin);
        writer.WriteBoolean("canEdit", OmeroPermissions.CanEdit(user, image.Group, image.Owner));
        writer.WriteBoolean("canLink", OmeroPermissions.CanEdit(user, image.Group, image.Owner));
        writer.WriteBoolean("isWorldWrite", perm[5] == 'w');
        writer.WriteBoolean("isWorldRead", perm[4] == 'r');
        writer.WriteBoolean("isGroupWrite", perm[3] == 'w');
        writer.WriteBoolean("isGroupRead", perm[2] == 'r');
        writer.WriteBoolean("isGroupAnnotate", perm[3] is 'a' or 'w');
        writer.WriteBoolean("isUserWrite", perm[1] == 'w');
        writer.WriteBoolean("isUserRead", perm[0] == 'r');
        writer.WriteEndObject();
    }
}
