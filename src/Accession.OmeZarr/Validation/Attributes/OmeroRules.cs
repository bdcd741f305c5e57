using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The transitional <c>omero</c> rendering metadata (shared/specs/ome-zarr.md §1.6, §2.4 M9):
/// <c>channels</c> MUST; each channel MUST have <c>color</c> (RRGGBB) and <c>window</c> with numbers
/// <c>min</c>, <c>max</c>, <c>start</c>, <c>end</c>. The 0.5 schema dropped the requirement for color
/// and window (the text still says MUST), so their absence is a warning in 0.5.
/// </summary>
internal static class OmeroRules
{
    private static readonly string[] WindowKeys = ["min", "max", "start", "end"];

    public static void Check(RuleContext context, JsonElement omero, string path, bool hasMultiscales)
    {
        if (omero.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.OmeroNotObject, path, $"omero is {JsonValues.Describe(omero)}; write an object with a \"channels\" list.");
            return;
        }

        if (!hasMultiscales)
        {
            context.Report(AttributeRules.OmeroWithoutMultiscales, path, "omero describes the channels of a multiscale image, but this group has no multiscales; readers ignore it.");
        }

        if (!omero.TryGetProperty("channels", out var channels) || channels.ValueKind != JsonValueKind.Array)
        {
            var what = omero.TryGetProperty("channels", out var c) ? $"channels is {JsonValues.Describe(c)}" : "omero has no \"channels\"";
            context.Report(AttributeRules.OmeroChannelsMissing, path, $"{what}; list one object per channel with \"color\" and \"window\".");
            return;
        }

        var channelsPath = JsonPaths.Property(path, "channels");
        for (var i = 0; i < channels.GetArrayLength(); i++)
        {
            var channel = channels[i];
            var channelPath = JsonPaths.Item(channelsPath, i);
            if (channel.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.OmeroChannelInvalid, channelPath, $"the channel is {JsonValues.Describe(channel)}; write an object with \"color\" and \"window\".");
                continue;
            }

            CheckColor(context, channel, channelPath);
            CheckWindow(context, channel, channelPath);
            CheckFieldTypes(context, channel, channelPath);
        }
    }

    private static void CheckColor(RuleContext context, JsonElement channel, string channelPath)
    {
        if (!channel.TryGetProperty("color", out var color))
        {
            var severity = context.Version == NgffVersion.V05 ? Severity.Warning : Severity.Error;
            context.Report(AttributeRules.OmeroChannelColorMissing, severity, channelPath, "the channel has no \"color\"; add the display color as 6 hexadecimal digits, e.g. \"00FF00\".");
            return;
        }

        var colorPath = JsonPaths.Property(channelPath, "color");
        if (color.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.OmeroChannelColorType, colorPath, $"color is {JsonValues.Describe(color)}; write it as a string of 6 hexadecimal digits, e.g. \"00FF00\".");
            return;
        }

        var text = color.GetString()!;
        if (text.Length == 7 && text[0] == '#' && IsHex(text.AsSpan(1)))
        {
            context.Report(AttributeRules.OmeroChannelColorHash, colorPath, $"color \"{text}\" starts with #; write it as \"{text[1..]}\".");
        }
        else if (!(text.Length == 6 && IsHex(text)))
        {
            var severity = context.IsLegacy ? Severity.Warning : Severity.Error;
            context.Report(AttributeRules.OmeroChannelColorFormat, severity, colorPath, $"color {JsonValues.Describe(color)} is not 6 hexadecimal digits (RRGGBB); write e.g. \"FF0000\" for red.");
        }
    }

    private static void CheckWindow(RuleContext context, JsonElement channel, string channelPath)
    {
        if (!channel.TryGetProperty("window", out var window))
        {
            var severity = context.Version == NgffVersion.V05 ? Severity.Warning : Severity.Error;
            context.Report(AttributeRules.OmeroChannelWindowMissing, severity, channelPath, "the channel has no \"window\"; add {\"min\", \"max\", \"start\", \"end\"} with the value range and the displayed range.");
            return;
        }

        var windowPath = JsonPaths.Property(channelPath, "window");
        if (window.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.OmeroChannelWindowInvalid, windowPath, $"window is {JsonValues.Describe(window)}; write an object with numbers \"min\", \"max\", \"start\", \"end\".");
            return;
        }

        foreach (var key in WindowKeys)
        {
            if (!window.TryGetProperty(key, out var value))
            {
                context.Report(AttributeRules.OmeroChannelWindowInvalid, windowPath, $"window has no \"{key}\"; give all of \"min\", \"max\", \"start\", \"end\" as numbers.");
            }
            else if (value.ValueKind != JsonValueKind.Number)
            {
                context.Report(AttributeRules.OmeroChannelWindowInvalid, JsonPaths.Property(windowPath, key), $"window {key} is {JsonValues.Describe(value)}; write it as a number.");
            }
        }
    }

    private static void CheckFieldTypes(RuleContext context, JsonElement channel, string channelPath)
    {
        foreach (var key in (ReadOnlySpan<string>)["label", "family"])
        {
            if (channel.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.String)
            {
                context.Report(AttributeRules.OmeroChannelFieldType, JsonPaths.Property(channelPath, key), $"{key} is {JsonValues.Describe(value)}; write it as a string.");
            }
        }

        if (channel.TryGetProperty("active", out var active) && active.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            context.Report(AttributeRules.OmeroChannelFieldType, JsonPaths.Property(channelPath, "active"), $"active is {JsonValues.Describe(active)}; write true or false.");
        }
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
