using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>axes</c> of a multiscale (shared/specs/ome-zarr.md §1.5, §2.4 M6/M8): 2–5 named axes with
/// unique names; 2 or 3 of type space, at most one time, at most one channel-or-custom; ordered
/// time → channel/custom → space; units from the UDUNITS-2 lists (SHOULD). 0.3 used a list of the
/// letters t, c, z, y, x instead.
/// </summary>
internal static class AxesRules
{
    private const string Space = "space";
    private const string Time = "time";

    /// <summary>Checks 0.4/0.5 axes; returns the number of axes when <c>axes</c> is a list, else null.</summary>
    public static int? Check(RuleContext context, JsonElement axes, string path)
    {
        if (axes.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.AxesNotArray, path, $"axes is {JsonValues.Describe(axes)}; write a list of axis objects such as {{\"name\": \"y\", \"type\": \"space\"}}.");
            return null;
        }

        var count = axes.GetArrayLength();
        if (count is < 2 or > 5)
        {
            context.Report(AttributeRules.AxesCount, path, Invariant($"there are {count} axes; a multiscale image has 2 to 5 axes, one per array dimension."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new List<(AxisKind Kind, int Index)>();
        var spaces = 0;
        var times = 0;
        var others = 0;
        for (var i = 0; i < count; i++)
        {
            var axis = axes[i];
            var axisPath = JsonPaths.Item(path, i);
            if (axis.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.AxisInvalid, axisPath, $"the axis is {JsonValues.Describe(axis)}; write an object with a \"name\" and a \"type\".");
                continue;
            }

            CheckName(context, axis, axisPath, names);
            var kind = CheckType(context, axis, axisPath);
            CheckUnit(context, axis, axisPath, kind);
            switch (kind)
            {
                case AxisKind.Space:
                    spaces++;
                    break;
                case AxisKind.Time:
                    times++;
                    break;
                default:
                    others++;
                    break;
            }

            kinds.Add((kind, i));
        }

        if (spaces is < 2 or > 3)
        {
            context.Report(AttributeRules.AxesSpaceCount, path, Invariant($"there are {spaces} axes of type \"space\"; an image needs 2 or 3 (e.g. y, x or z, y, x)."));
        }

        if (times > 1)
        {
            context.Report(AttributeRules.AxesTimeCount, path, Invariant($"there are {times} axes of type \"time\"; keep at most one."));
        }

        if (others > 1)
        {
            context.Report(AttributeRules.AxesChannelCount, path, Invariant($"there are {others} axes of type \"channel\" or of a custom or missing type; keep at most one of them."));
        }

        CheckOrder(context, path, kinds);
        return count;
    }

    /// <summary>Checks 0.3 axes: a list of unique letters from t, c, z, y, x.</summary>
    public static int? CheckLegacy(RuleContext context, JsonElement axes, string path)
    {
        if (axes.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.AxesNotArray, path, $"axes is {JsonValues.Describe(axes)}; in 0.3 write a list of letters such as [\"z\", \"y\", \"x\"].");
            return null;
        }

        var count = axes.GetArrayLength();
        if (count is < 2 or > 5)
        {
            context.Report(AttributeRules.AxesCount, path, Invariant($"there are {count} axes; a multiscale image has 2 to 5 axes, one per array dimension."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var axis = axes[i];
            var axisPath = JsonPaths.Item(path, i);
            var letter = axis.ValueKind == JsonValueKind.String ? axis.GetString() : null;
            if (letter is not ("t" or "c" or "z" or "y" or "x"))
            {
                context.Report(AttributeRules.AxesLegacyFormat, axisPath, $"the axis is {JsonValues.Describe(axis)}; 0.3 axes are the letters \"t\", \"c\", \"z\", \"y\", \"x\" (axis objects came with 0.4: declare \"version\": \"0.4\" if these are 0.4 axes).");
            }
            else if (!seen.Add(letter))
            {
                context.Report(AttributeRules.AxisNameDuplicate, axisPath, $"axis \"{letter}\" appears twice; every axis name must be unique.");
            }
        }

        return count;
    }

    private static void CheckName(RuleContext context, JsonElement axis, string axisPath, HashSet<string> names)
    {
        if (!axis.TryGetProperty("name", out var name))
        {
            context.Report(AttributeRules.AxisNameInvalid, axisPath, "the axis has no \"name\"; give every axis a unique name such as \"y\".");
        }
        else if (name.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.AxisNameInvalid, JsonPaths.Property(axisPath, "name"), $"the axis name is {JsonValues.Describe(name)}; write it as a string.");
        }
        else if (!names.Add(name.GetString()!))
        {
            context.Report(AttributeRules.AxisNameDuplicate, JsonPaths.Property(axisPath, "name"), $"axis name \"{name.GetString()}\" appears twice; every axis name must be unique.");
        }
    }

    private static AxisKind CheckType(RuleContext context, JsonElement axis, string axisPath)
    {
        if (!axis.TryGetProperty("type", out var type))
        {
            return AxisKind.Other;
        }

        if (type.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.AxisTypeInvalid, JsonPaths.Property(axisPath, "type"), $"the axis type is {JsonValues.Describe(type)}; write \"space\", \"time\", \"channel\" or another string.");
            return AxisKind.Other;
        }

        return type.GetString() switch
        {
            Space => AxisKind.Space,
            Time => AxisKind.Time,
            _ => AxisKind.Other,
        };
    }

    private static void CheckUnit(RuleContext context, JsonElement axis, string axisPath, AxisKind kind)
    {
        if (!axis.TryGetProperty("unit", out var unit))
        {
            if (axis.TryGetProperty("units", out _))
            {
                context.Report(AttributeRules.AxisUnitsTypo, JsonPaths.Property(axisPath, "units"), "the axis has \"units\"; the field is called \"unit\" (readers ignore \"units\").");
            }

            return;
        }

        var known = kind switch
        {
            AxisKind.Space => AxisUnits.Space,
            AxisKind.Time => AxisUnits.Time,
            _ => null,
        };
        if (known is null)
        {
            return;
        }

        if (unit.ValueKind != JsonValueKind.String || !known.Contains(unit.GetString()!))
        {
            var example = kind == AxisKind.Space ? "\"micrometer\"" : "\"second\"";
            context.Report(AttributeRules.AxisUnitUnknown, JsonPaths.Property(axisPath, "unit"), $"unit {JsonValues.Describe(unit)} is not one of the UDUNITS-2 {(kind == AxisKind.Space ? Space : Time)} units the specification lists; use a name such as {example}.");
        }
    }

    // time first, then one channel or custom axis, then the space axes.
    private static void CheckOrder(RuleContext context, string path, List<(AxisKind Kind, int Index)> kinds)
    {
        for (var i = 1; i < kinds.Count; i++)
        {
            if (Rank(kinds[i].Kind) < Rank(kinds[i - 1].Kind))
            {
                context.Report(AttributeRules.AxesOrder, JsonPaths.Item(path, kinds[i].Index), "the axes are out of order; put the time axis first, then the channel (or custom) axis, then the space axes (e.g. t, c, z, y, x).");
                return;
            }
        }
    }

    private static int Rank(AxisKind kind) => kind switch
    {
        AxisKind.Time => 0,
        AxisKind.Other => 1,
        _ => 2,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum AxisKind
    {
        Space,
        Time,
        Other,
    }
}
