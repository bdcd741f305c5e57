using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>Image listing and detail routes: the JSON API (spec omero.md §2.4, §2.5), the webclient list (§2.8b) and imgData.</summary>
internal static class ImageEndpoints
{
    /// <summary><c>GET /api/v0/m/images/</c>: <c>offset</c>, <c>limit</c> ≤ max, <c>owner</c>, <c>group</c>, <c>normalize</c>; lower(name), id order.</summary>
    public static async Task ListAsync(OmeroExchange exchange)
    {
        var options = exchange.Server.Options;
        if (!QueryParameters.TryInt(exchange, "offset", 0, out var offset, out var error)
            || !QueryParameters.TryInt(exchange, "limit", options.ApiLimit, out var limit, out error)
            || !QueryParameters.TryInt(exchange, "owner", -1, out var owner, out error))
        {
            await OmeroResponses.MessageAsync(exchange, 400, error, api: true);
            return;
        }

        if (!QueryParameters.TryInt(exchange, "group", -1, out var group, out error))
        {
            // group is parsed outside the view's try block, so the error surfaces as a 500 (spec omero.md §2.4).
            await OmeroResponses.JsonAsync(exchange, 500, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message", error);
                writer.WriteString("stacktrace", "ValueError: " + error);
                writer.WriteEndObject();
            }, api: true);
            return;
        }

        offset = Math.Max(offset, 0);
        limit = limit < 0 ? options.ApiLimit : Math.Min(limit, options.ApiMaxLimit);
        var images = exchange.Request.Query.ContainsKey("dataset")
            ? []
            : exchange.Server.Database.ListImages(exchange.User, group, owner);
        var page = images.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)limit).ToList();
        var normalize = QueryParameters.IsTrue(exchange, "normalize");
        await OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var image in page)
            {
                ImageJson.WriteImage(writer, exchange, image, normalize, detail: false);
            }

            writer.WriteEndArray();
            if (normalize)
            {
                writer.WriteStartArray("experimenters");
                foreach (var user in page.Select(image => image.Owner).DistinctBy(user => user.Id))
                {
                    ImageJson.WriteExperimenter(writer, user, reference: false);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("experimenterGroups");
                foreach (var member in page.Select(image => image.Group).DistinctBy(member => member.Id))
                {
                    ImageJson.WriteGroup(writer, member, reference: false);
                }

                writer.WriteEndArray();
            }

            writer.WriteStartObject("meta");
            writer.WriteNumber("offset", offset);
            writer.WriteNumber("limit", limit);
            writer.WriteNumber("maxLimit", options.ApiMaxLimit);
            writer.WriteNumber("totalCount", images.Length);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, api: true);
    }

    /// <summary><c>GET /api/v0/m/images/&lt;id&gt;/</c>: 200 with the image, 404 when missing or unreadable; DELETE is 405.</summary>
    public static async Task DetailAsync(OmeroExchange exchange)
    {
        if (HttpMethods.IsDelete(exchange.Request.Method))
        {
            await OmeroResponses.MessageAsync(exchange, 405, "Delete of Image not supported", api: true);
            return;
        }

        var image = exchange.Server.Database.ReadImage(exchange.User, exchange.Id);
        if (image is null)
        {
            await OmeroResponses.MessageAsync(exchange, 404, $"Image {exchange.Id} not found", api: true);
            return;
        }

        await OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            ImageJson.WriteImage(writer, exchange, image, normalize: false, detail: true);
            writer.WriteEndObject();
        }, api: true);
    }

    /// <summary><c>GET /webclient/api/images/</c> (spec omero.md §2.8b): 1-based <c>page</c>, <c>limit</c>, import <c>date</c>, <c>filesetId</c>.</summary>
    public static async Task WebclientListAsync(OmeroExchange exchange)
    {
        if (!QueryParameters.TryInt(exchange, "page", 1, out var page, out _)
            || !QueryParameters.TryInt(exchange, "limit", 200, out var limit, out _)
            || !QueryParameters.TryInt(exchange, "group", -1, out var group, out _)
            || !QueryParameters.TryInt(exchange, "experimenter_id", -1, out var owner, out _))
        {
            await OmeroResponses.TextAsync(exchange, 400, "Invalid parameter value");
            return;
        }

        var user = exchange.User;
        if (group != -1 && !user.IsAdmin && !user.IsMemberOf(group))
        {
            await OmeroResponses.TextAsync(exchange, 403, $"Not a member of Group: {group}");
            return;
        }

        var images = exchange.Request.Query.ContainsKey("id")
            ? []
            : exchange.Server.Database.ListImages(user, group, owner);
        var rows = images.Skip((int)Math.Max(0, (page - 1) * limit)).Take((int)Math.Max(limit, 0)).ToList();
        var withDate = QueryParameters.IsTrue(exchange, "date");
        var withSizes = QueryParameters.IsTrue(exchange, "sizeXYZ");
        await OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("images");
            foreach (var image in rows)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", image.Id);
                writer.WriteBoolean("archived", false);
                writer.WriteString("name", image.Name);
                writer.WriteNumber("ownerId", image.Owner.Id);
                writer.WriteString("permsCss", PermsCss(user, image));
                writer.WriteNumber("filesetId", image.Fileset.Id);
                if (withSizes)
                {
                    writer.WriteNumber("sizeX", image.SizeX);
                    writer.WriteNumber("sizeY", image.SizeY);
                    writer.WriteNumber("sizeZ", image.SizeZ);
                    writer.WriteNumber("sizeT", image.SizeT);
                }

                if (withDate)
                {
                    writer.WriteString("date", exchange.Server.WebclientDate(image.ImportedAt));
                    if (image.AcquisitionDate is { } acquired)
                    {
                        writer.WriteString("acqDate", exchange.Server.WebclientDate(acquired));
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, api: false);
    }

    /// <summary><c>GET /webgateway/imgData/&lt;id&gt;/</c>: a few rendering fields; 404 text when missing (spec omero.md §2.5).</summary>
    public static async Task ImageDataAsync(OmeroExchange exchange)
    {
        var image = exchange.Server.Database.ReadImage(exchange.User, exchange.Id);
        if (image is null)
        {
            await OmeroResponses.TextAsync(exchange, 404, $"Image:{exchange.Id} not found");
            return;
        }

        await OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", image.Id);
            writer.WriteStartObject("meta");
            writer.WriteString("imageName", image.Name);
            writer.WriteString("imageAuthor", $"{image.Owner.FirstName} {image.Owner.LastName}");
            writer.WriteBoolean("imageArchived", false);
            writer.WriteNumber("imageTimestamp", (image.AcquisitionDate ?? image.ImportedAt).ToUnixTimeSeconds());
            writer.WriteNumber("imageId", image.Id);
            writer.WriteString("pixelsType", image.PixelsType);
            writer.WriteEndObject();
            writer.WriteStartObject("size");
            writer.WriteNumber("width", image.SizeX);
            writer.WriteNumber("height", image.SizeY);
            writer.WriteNumber("z", image.SizeZ);
            writer.WriteNumber("t", image.SizeT);
            writer.WriteNumber("c", image.SizeC);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, api: false);
    }

    private static string PermsCss(FakeOmeroUser user, FakeOmeroImage image)
    {
        var flags = new List<string>();
        if (OmeroPermissions.CanEdit(user, image.Group, image.Owner))
        {
            flags.Add("canEdit");
        }

        if (OmeroPermissions.CanAnnotate(user, image))
        {
            flags.Add("canAnnotate");
        }

        if (image.Owner.Id == user.Id)
        {
            flags.Add("isOwned");
        }

        return string.Join(' ', flags);
    }
}
