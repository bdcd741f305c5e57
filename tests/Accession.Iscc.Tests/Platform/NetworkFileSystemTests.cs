using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Accession.Iscc.Platform;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Platform;

public sealed class NetworkFileSystemTests
{
    [Theory]
    [InlineData(0x6969u, true)] // NFS
    [InlineData(0xFF534D42u, true)] // CIFS
    [InlineData(0xFE534D42u, true)] // SMB2
    [InlineData(0x65735546u, true)] // FUSE
    [InlineData(0xEF53u, false)] // ext2/3/4
    [InlineData(0x58465342u, false)] // XFS
    [InlineData(0x01021994u, false)] // tmpfs
    [InlineData(0x9123683Eu, false)] // Btrfs
    public void Network_file_systems_are_told_by_their_type(uint type, bool network)
    {
        Assert.Equal(network, NetworkFileSystem.IsNetworkType(type));
    }

    [Fact]
    public void The_file_system_of_a_file_is_asked_as_stat_sees_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file system types are asked on Linux only");
        using var folder = new TempFolder();
        var path = folder.File("probe.bin");
        File.WriteAllBytes(path, [1]);
        var type = StatFileSystemType(path);
        Assert.SkipWhen(type is null, "stat(1) is not available");
        using var handle = File.OpenHandle(path);

        Assert.Equal(type, NetworkFileSystem.TypeOf(handle));
        Assert.Equal(NetworkFileSystem.IsNetworkType(type.Value), NetworkFileSystem.Holds(handle));
    }

    [Fact]
    public void Without_fstatfs_every_file_counts_as_local()
    {
        using var folder = new TempFolder();
        var path = folder.File("probe.bin");
        File.WriteAllBytes(path, [1]);
        using var handle = File.OpenHandle(path);

        using (NativeFunction.ForcePortable())
        {
            Assert.Null(NetworkFileSystem.TypeOf(handle));
            Assert.False(NetworkFileSystem.Holds(handle));
        }
    }

    // The f_type of the file system holding path, in hex, as coreutils stat(1) reports it.
    private static uint? StatFileSystemType(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("stat", ["-f", "-c", "%t", path]) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? uint.Parse(output, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
