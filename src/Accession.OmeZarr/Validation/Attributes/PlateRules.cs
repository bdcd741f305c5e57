using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>plate</c> object (shared/specs/ome-zarr.md §1.8, §2.4 M12, M14): non-empty <c>rows</c> and
/// <c>columns</c> with unique alphanumeric names; non-empty <c>wells</c> whose <c>path</c> is exactly
/// <c>&lt;row name&gt;/&lt;column name&gt;</c> and agrees with <c>rowIndex</c>/<c>columnIndex</c> (a MUST
/// the JSON schema cannot express: the 0.5 suite's <c>well_path_has_column_before_row</c>);
/// acquisitions with unique non-negative integer ids; positive counts; non-negative epoch times.
/// Index and pattern rules arrived with 0.4; legacy plates get the structural checks only.
/// </summary>
internal static class PlateRules
{
    public static void Check(RuleContext context, JsonElement plate, string path)
    {
        if (plate.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.PlateNotObject, path, $"plate is {JsonValues.Describe(plate)}; write an object with \"rows\", \"columns\" and \"wells\".");
            return;
        }

        var rows = CheckNames(context, plate, path, "rows", AttributeRules.PlateRowsMissing, AttributeRules.PlateRowNameInvalid, AttributeRules.PlateRowNameDuplicate);
        var columns = CheckNames(context, plate, path, "columns", AttributeRules.PlateColumnsMissing, AttributeRules.PlateColumnNameInvalid, AttributeRules.PlateColumnNameDuplicate);
        CheckWells(context, plate, path, rows, columns);
        CheckAcquisitions(context, plate, path);
        CheckPlateFields(context, plate, path);
    }

    // Returns the names by index (null where unusable), or null when the list itself is unusable.
    private static string?[]? CheckNames(RuleContext context, JsonElement plate, string path, string key, AttributeRule missing, AttributeRule invalid, AttributeRule duplicate)
    {
        var singular = key[..^1];
        if (!plate.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            var what = plate.TryGetProperty(key, out var v) ? $"{key} is {JsonValues.Describe(v)}" : $"the plate has no \"{key}\"";
            context.Report(missing, path, $"{what}; list every {singular} of the plate as {{\"name\": ...}}, even empty ones.");
            return null;
        }

        var listPath = JsonPaths.Property(path, key);
        var names = new string?[list.GetArrayLength()];
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var folded = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var entryPath = JsonPaths.Item(listPath, i);
            if (!JsonValues.TryGet(list[i], "name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                var what = list[i].ValueKind != JsonValueKind.Object ? $"the {singular} is {JsonValues.Describe(list[i])}"
                    : JsonValues.TryGet(list[i], "name", out var n) ? $"the {singular} name is {JsonValues.Describe(n)}" : $"the {singular} has no \"name\"";
                context.Report(invalid, entryPath, $"{what}; give every {singular} a string name such as \"{(key == "rows" ? "A" : "1")}\".");
                continue;
            }

            var text = name.GetString()!;
            var namePath = JsonPaths.Property(entryPath, "name");
            if (!context.IsLegacy && !PlateNames.IsAlphanumeric(text))
            {
                context.Report(invalid, namePath, $"{singular} name \"{text}\" has characters other than letters and digits; use only A-Z, a-z, 0-9.");
                continue;
            }

            if (exact.TryGetValue(text, out var first))
            {
                context.Report(duplicate, namePath, Invariant($"{singular} name \"{text}\" repeats {key}[{first}]; every {singular} needs its own name."));
                continue;
            }

            if (folded.TryGetValue(text, out var similar))
            {
                context.Report(AttributeRules.PlateNameCaseCollision, namePath, Invariant($"{singular} name \"{text}\" differs from {key}[{similar}] only in case; the two folders collide on case-insensitive file systems."));
            }

            exact[text] = i;
            folded.TryAdd(text, i);
            names[i] = text;
        }

        return names;
    }

    private static void CheckWells(RuleContext context, JsonElement plate, string path, string?[]? rows, string?[]? columns)
    {
        if (!plate.TryGetProperty("wells", out var wells) || wells.ValueKind != JsonValueKind.Array || wells.GetArrayLength() == 0)
        {
            var what = plate.TryGetProperty("wells", out var v) ? $"wells is {JsonValues.Describe(v)}" : "the plate has no \"wells\"";
            context.Report(AttributeRules.PlateWellsMissing, path, $"{what}; list the wells that hold images, e.g. [{{\"path\": \"A/1\", \"rowIndex\": 0, \"columnIndex\": 0}}].");
            return;
        }

        var wellsPath = JsonPaths.Property(path, "wells");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < wells.GetArrayLength(); i++)
        {
            var well = wells[i];
            var wellPath = JsonPaths.Item(wellsPath, i);
            if (well.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.PlateWellInvalid, wellPath, $"the well is {JsonValues.Describe(well)}; write an object with \"path\", \"rowIndex\" and \"columnIndex\".");
                continue;
            }

            var text = CheckWellPath(context, well, wellPath);
            if (text is not null)
            {
                if (seen.TryGetValue(text, out var first))
                {
                    context.Report(AttributeRules.PlateWellDuplicate, JsonPaths.Property(wellPath, "path"), Invariant($"well \"{text}\" repeats wells[{first}]; list each well once."));
                }
                else
                {
                    seen[text] = i;
                }
            }

            if (context.IsLegacy)
            {
                continue;
            }

            var row = CheckIndex(context, well, wellPath, "rowIndex", rows);
            var column = CheckIndex(context, well, wellPath, "columnIndex", columns);
            if (text is not null && row is { } r && column is { } c && rows![r] is { } rowName && columns![c] is { } columnName && text != $"{rowName}/{columnName}")
            {
                context.Report(AttributeRules.PlateWellPathMismatch, JsonPaths.Property(wellPath, "path"),
                    Invariant($"well path \"{text}\" does not match rowIndex {r} (row \"{rowName}\") and columnIndex {c} (column \"{columnName}\"); the path is the row name, a /, then the column name: \"{rowName}/{columnName}\"."));
            }
        }
    }

    private static string? CheckWellPath(RuleContext context, JsonElement well, string wellPath)
    {
        if (!well.TryGetProperty("path", out var value) || value.ValueKind != JsonValueKind.String)
        {
            var what = well.TryGetProperty("path", out var v) ? $"the well path is {JsonValues.Describe(v)}" : "the well has no \"path\"";
            context.Report(AttributeRules.PlateWellPathInvalid, wellPath, $"{what}; write it as \"<row name>/<column name>\", e.g. \"A/1\".");
            return null;
        }

        var text = value.GetString()!;
        if (context.IsLegacy)
        {
            return text;
        }

        var parts = text.Split('/');
        if (parts.Length != 2 || !PlateNames.IsAlphanumeric(parts[0]) || !PlateNames.IsAlphanumeric(parts[1]))
        {
            context.Report(AttributeRules.PlateWellPathInvalid, JsonPaths.Property(wellPath, "path"), $"well path \"{text}\" is not \"<row name>/<column name>\" with letters and digits only, e.g. \"A/1\"; no further folders before or after.");
            return null;
        }

        return text;
    }

    private static int? CheckIndex(RuleContext context, JsonElement well, string wellPath, string key, string?[]? names)
    {
        var list = key == "rowIndex" ? "rows" : "columns";
        if (!well.TryGetProperty(key, out var value))
        {
            context.Report(AttributeRules.PlateWellIndexInvalid, wellPath, $"the well has no \"{key}\"; give the 0-based position of its {list[..^1]} in the plate's {list} list.");
            return null;
        }

        var valuePath = JsonPaths.Property(wellPath, key);
        if (!JsonValues.TryGetInteger(value, out var index) || index < 0)
        {
            context.Report(AttributeRules.PlateWellIndexInvalid, valuePath, $"{key} is {JsonValues.Describe(value)}; write a 0-based integer position in the {list} list.");
            return null;
        }

        if (names is not null && index >= names.Length)
        {
            context.Report(AttributeRules.PlateWellIndexInvalid, valuePath, Invariant($"{key} {index} is past the end of the {names.Length} {list}; indices are 0-based positions in the {list} list."));
            return null;
        }

        return names is null ? null : (int)index;
    }

    private static void CheckAcquisitions(RuleContext context, JsonElement plate, string path)
    {
        if (!plate.TryGetProperty("acquisitions", out var acquisitions))
        {
            return;
        }

        var listPath = JsonPaths.Property(path, "acquisitions");
        if (acquisitions.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.PlateAcquisitionsInvalid, listPath, $"acquisitions is {JsonValues.Describe(acquisitions)}; write a list of objects with an \"id\", or leave it out.");
            return;
        }

        var ids = new Dictionary<long, int>();
        for (var i = 0; i < acquisitions.GetArrayLength(); i++)
        {
            var acquisition = acquisitions[i];
            var entryPath = JsonPaths.Item(listPath, i);
            if (acquisition.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.PlateAcquisitionsInvalid, entryPath, $"the acquisition is {JsonValues.Describe(acquisition)}; write an object with an \"id\".");
                continue;
            }

            CheckAcquisitionId(context, acquisition, entryPath, ids, i);
            if (acquisition.TryGetProperty("maximumfieldcount", out var max) && !(JsonValues.TryGetInteger(max, out var m) && m > 0))
            {
                context.Report(AttributeRules.PlateAcquisitionMaximumFieldCountInvalid, JsonPaths.Property(entryPath, "maximumfieldcount"), $"maximumfieldcount is {JsonValues.Describe(max)}; write the largest number of fields per well as an integer above 0.");
            }

            foreach (var key in (ReadOnlySpan<string>)["starttime", "endtime"])
            {
                if (acquisition.TryGetProperty(key, out var time) && !(JsonValues.TryGetInteger(time, out var t) && t >= 0))
                {
                    context.Report(AttributeRules.PlateAcquisitionTimeInvalid, JsonPaths.Property(entryPath, key), $"{key} is {JsonValues.Describe(time)}; write the time as an integer epoch timestamp (0 or more), not as text.");
                }
            }

            CheckStrings(context, acquisition, entryPath, "name", "description");
            if (!context.IsLegacy && !acquisition.TryGetProperty("name", out _))
            {
                context.Report(AttributeRules.StrictPlateAcquisitionNameMissing, entryPath, "the acquisition has no \"name\"; add one.");
            }

            if (!context.IsLegacy && !acquisition.TryGetProperty("maximumfieldcount", out _))
            {
                context.Report(AttributeRules.StrictPlateAcquisitionMaximumFieldCountMissing, entryPath, "the acquisition has no \"maximumfieldcount\"; add the largest number of fields per well.");
            }
        }
    }

    private static void CheckAcquisitionId(RuleContext context, JsonElement acquisition, string entryPath, Dictionary<long, int> ids, int index)
    {
        if (!acquisition.TryGetProperty("id", out var id))
        {
            context.Report(AttributeRules.PlateAcquisitionIdInvalid, entryPath, "the acquisition has no \"id\"; give it an integer id (0 or more) that wells can refer to.");
            return;
        }

        var idPath = JsonPaths.Property(entryPath, "id");
        if (!JsonValues.TryGetInteger(id, out var value) || value < 0)
        {
            context.Report(AttributeRules.PlateAcquisitionIdInvalid, idPath, $"id is {JsonValues.Describe(id)}; write an integer of 0 or more.");
        }
        else if (ids.TryGetValue(value, out var first))
        {
            context.Report(AttributeRules.PlateAcquisitionIdDuplicate, idPath, Invariant($"acquisition id {value} repeats acquisitions[{first}]; ids must be unique within the plate."));
        }
        else
        {
            ids[value] = index;
        }
    }

    private static void CheckPlateFields(RuleContext context, JsonElement plate, string path)
    {
        if (plate.TryGetProperty("field_count", out var count) && !(JsonValues.TryGetInteger(count, out var n) && n > 0))
        {
            context.Report(AttributeRules.PlateFieldCountInvalid, JsonPaths.Property(path, "field_count"), $"field_count is {JsonValues.Describe(count)}; write the largest number of fields in any well as an integer above 0.");
        }

        CheckStrings(context, plate, path, "name");
        if (context.IsLegacy)
        {
            return;
        }

        if (!plate.TryGetProperty("name", out _))
        {
            context.Report(AttributeRules.StrictPlateNameMissing, path, "the plate has no \"name\"; add one.");
        }

        if (context.Version == NgffVersion.V04 && !plate.TryGetProperty(OmeKeys.Version, out _))
        {
            context.Report(AttributeRules.StrictPlateVersionMissing, path, "the plate has no \"version\"; add \"version\": \"0.4\".");
        }
    }

    private static void CheckStrings(RuleContext context, JsonElement owner, string path, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (owner.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.String)
            {
                context.Report(AttributeRules.PlateFieldType, JsonPaths.Property(path, key), $"{key} is {JsonValues.Describe(value)}; write it as a string.");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
