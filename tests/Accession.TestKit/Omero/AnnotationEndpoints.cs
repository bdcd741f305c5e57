using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>Map annotations over the webclient: the listing (spec omero.md §2.7) and <c>annotate_map</c> (§2.8).</summary>
internal static class AnnotationEndpoints
{
    /// <summary>NSCLIENTMAPANNOTATION, annotate_map's default namespace (spec omero.md §2.8).</summary>
    public const string ClientMapNamespace = "openmicroscopy.org/omero/client/mapAnnotation";

    // omero.web.page_size × 100 (spec omero.md §2.7).
    private const int DefaultLimit = 20000;

    /// <summary><c>GET /webclient/api/annotations/?type=map&amp;image=…&amp;ns=…</c>: links from the images to their map annotations, by namespace.</summary>
    public static async Task ListAsync(OmeroExchange exchange)
    {
        var query = exchange.Request.Query;
        if (!QueryParameters.TryIds(query["image"], out var imageIds)
            || !QueryParameters.TryInt(exchange, "page", 1, out var page, out _)
            || !QueryParameters.TryInt(exchange, "limit", DefaultLimit, out var limit, out _))
        {
            await OmeroResponses.ServerErrorAsync(exchange, "invalid literal for int() with base 10");
            return;
        }

        var type = query["type"].ToString();
        var ns = query.ContainsKey("ns") ? query["ns"].ToString() : null;
        var rows = type.Length == 0 || type == "map"
            ? exchange.Server.Database.ListMapAnnotations(exchange.User, imageIds, ns)
            : [];
        rows = [.. rows.Skip((int)Math.Max(0, (page - 1) * limit)).Take((int)Math.Max(0, limit))];
        var images = imageIds.Distinct()
            .Select(id => exchange.Server.Database.ReadImage(exchange.User, id))
            .OfType<FakeOmeroImage>()
            .ToDictionary(image => image.Id);
        var people = rows.SelectMany(row => new[] { row.Annotation.Owner, row.Link.Owner })
            .DistinctBy(user => user.Id)
            .OrderBy(user => user.Id);
        await OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("annotations");
            foreach (var (annotation, link) in rows)
            {
                var group = exchange.Server.Database.FindGroup(annotation.GroupId)!;
                var canEdit = OmeroPermissions.CanEdit(exchange.User, group, annotation.Owner);
                writer.WriteStartObject();
                writer.WriteNumber("id", annotation.Id);
                writer.WriteString("ns", annotation.Namespace);
                writer.WriteNull("name");
                writer.WriteNull("description");
                WriteOwner(writer, annotation.Owner);
                writer.WriteString("date", exchange.Server.WebclientDate(annotation.CreatedAt));
                WritePermissions(writer, canEdit);
                writer.WriteStartObject("link");
                writer.WriteNumber("id", link.Id);
                WriteOwner(writer, link.Owner);
                writer.WriteStartObject("parent");
                writer.WriteNumber("id", link.ImageId);
                writer.WriteString("class", "ImageI");
                writer.WriteString("name", images.TryGetValue(link.ImageId, out var parent) ? parent.Name : "");
                writer.WriteEndObject();
                writer.WriteString("date", exchange.Server.WebclientDate(link.CreatedAt));
                WritePermissions(writer, OmeroPermissions.CanEdit(exchange.User, group, link.Owner));
                writer.WriteEndObject();
                writer.WriteString("class", "MapAnnotationI");
                writer.WriteStartArray("values");
                foreach (var pair in annotation.Values)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(pair.Key);
                    writer.WriteStringValue(pair.Value);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("experimenters");
            foreach (var person in people)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", person.Id);
                writer.WriteString("omeName", person.UserName);
                writer.WriteString("firstName", person.FirstName);
                writer.WriteString("lastName", person.LastName);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, api: false);
    }

    /// <summary>
    /// <c>POST /webclient/annotate_map/</c>: without <c>annId</c> creates one annotation per image
    /// (<c>{"annId": [ids]}</c>); with <c>annId</c> replaces the pairs (<c>{"annId": ["ids as sent"]}</c>) or,
    /// with <c>mapAnnotation=[]</c>, deletes (<c>{"annId": null}</c>). Unreadable images are skipped; bad
    /// input and permission errors are 500s.
    /// </summary>
    public static async Task AnnotateMapAsync(OmeroExchange exchange)
    {
        if (!HttpMethods.IsPost(exchange.Request.Method))
        {
            await OmeroResponses.HtmlAsync(exchange, 404, "<h1>Not Found</h1>");
            return;
        }

        var form = exchange.Form;
        if (form is null || !QueryParameters.TryIds(form["image"], out var imageIds)
            || !QueryParameters.TryIds(form["annId"], out var annotationIds)
            || ParsePairs(form["mapAnnotation"].ToString()) is not { } pairs)
        {
            await OmeroResponses.ServerErrorAsync(exchange, "annotate_map: unreadable image, annId or mapAnnotation");
            return;
        }

        var database = exchange.Server.Database;
        var ns = form.ContainsKey("ns") ? form["ns"].ToString() : ClientMapNamespace;
        var images = imageIds.Select(id => database.ReadImage(exchange.User, id)).OfType<FakeOmeroImage>().ToList();
        try
        {
            if (annotationIds.Count == 0 && pairs.Length > 0)
            {
                // The view never assigns its "duplicate" comparison, so any non-empty value (default "false") means one per object.
                var onePerImage = !form.ContainsKey("duplicate") || form["duplicate"].ToString().Length > 0 || ns == ClientMapNamespace;
                var created = database.CreateMapAnnotations(exchange.User, images, ns, pairs, onePerImage);
                await WriteAnnotationIdsAsync(exchange, writer =>
                {
                    writer.WriteStartArray("annId");
                    created.ForEach(writer.WriteNumberValue);
                    writer.WriteEndArray();
                });
                return;
            }

            foreach (var id in annotationIds)
            {
                _ = pairs.Length > 0
                    ? database.UpdateMapAnnotation(exchange.User, id, pairs)
                    : database.DeleteMapAnnotation(exchange.User, id);
            }
        }
        catch (OmeroSecurityViolation violation)
        {
            await OmeroResponses.ServerErrorAsync(exchange, "SecurityViolation: " + violation.Message);
            return;
        }

        await WriteAnnotationIdsAsync(exchange, writer =>
        {
            if (pairs.Length == 0)
            {
                writer.WriteNull("annId");
                return;
            }

            writer.WriteStartArray("annId");
            foreach (var sent in form["annId"])
            {
                writer.WriteStringValue(sent);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>The <c>mapAnnotation</c> field: a JSON list of <c>[key, value]</c> string pairs, or null when malformed.</summary>
    private static KeyValuePair<string, string>[]? ParsePairs(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                    || item[0].ValueKind != JsonValueKind.String || item[1].ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                pairs.Add(new(item[0].GetString()!, item[1].GetString()!));
            }

            return [.. pairs];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteAnnotationIdsAsync(OmeroExchange exchange, Action<Utf8JsonWriter> writeIds) =>
        OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writeIds(writer);
            writer.WriteEndObject();
        }, api: false);

    private static void WriteOwner(Utf8JsonWriter writer, FakeOmeroUser owner)
    {
        writer.WriteStartObject("owner");
        writer.WriteNumber("id", owner.Id);
        writer.WriteEndObject();
    }

    private static void WritePermissions(Utf8JsonWriter writer, bool canEdit)
    {
        writer.WriteStartObject("permissions");
        writer.WriteBoolean("canDelete", canEdit);
        writer.WriteBoolean("canAnnotate", true);
        writer.WriteBoolean("canLink", true);
        writer.WriteBoolean("canEdit", canEdit);
        writer.WriteEndObject();
    }
}
