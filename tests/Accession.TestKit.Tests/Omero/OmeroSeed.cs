using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

/// <summary>A small seeded OMERO: two groups, a user in both, another user, a few images.</summary>
internal sealed class OmeroSeed
{
    public const string Password = "secret-password";

    public OmeroSeed(FakeOmeroWeb fake)
    {
        Lab = fake.AddGroup("lab", "rwra--");
        Other = fake.AddGroup("other", "rwr---");
        Alice = fake.AddUser("alice", Password, Lab, Other);
        Bob = fake.AddUser("bob", Password, Other);
    }

    public FakeOmeroGroup Lab { get; }

    public FakeOmeroGroup Other { get; }

    public FakeOmeroUser Alice { get; }

    public FakeOmeroUser Bob { get; }

    public static async Task<(FakeOmeroWeb Fake, OmeroSeed Seed)> StartAsync(FakeOmeroOptions? options = null)
    {
        var fake = await FakeOmeroWeb.StartAsync(options);
        return (fake, new OmeroSeed(fake));
    }
}
