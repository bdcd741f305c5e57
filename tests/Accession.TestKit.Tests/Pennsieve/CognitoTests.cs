using System.Net;
using System.Text.Json.Nodes;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

public sealed class CognitoTests
{
    [Fact]
    public async Task Cognito_config_has_the_four_keys_of_the_spec()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, config) = await wire.GetAsync("/authentication/cognito-config", token: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fake.Seed.Region, config!["region"]!.GetValue<string>());
        Assert.Equal(fake.Seed.UserPoolClientId, config["userPool"]!["appClientId"]!.GetValue<string>());
        Assert.Equal(fake.Seed.TokenPoolId, config["tokenPool"]!["id"]!.GetValue<string>());
        Assert.Equal("", config["identityPool"]!["appClientId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Password_login_answers_an_authentication_result()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.PasswordAuthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body!["AuthenticationResult"]!;
        Assert.Equal(3600, result["ExpiresIn"]!.GetValue<int>());
        Assert.Equal("Bearer", result["TokenType"]!.GetValue<string>());
        Assert.Equal(3, result["AccessToken"]!.GetValue<string>().Split('.').Length);
        Assert.NotEmpty(result["RefreshToken"]!.GetValue<string>());
        Assert.NotEmpty(result["IdToken"]!.GetValue<string>());
        Assert.Equal(1, fake.PasswordLogins);
    }

    [Theory]
    [InlineData(false, "NotAuthorizedException", "Incorrect username or password.")]
    [InlineData(true, "UserNotFoundException", "User does not exist.")]
    public async Task An_unknown_api_key_is_refused_as_configured(bool reveal, string type, string message)
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { RevealUnknownUsers = reveal });
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.PasswordAuthAsync(key: "not-a-key");
        AssertCognitoError(status, body, type, message);
        Assert.Equal(1, fake.FailedLogins);
    }

    [Fact]
    public async Task A_wrong_secret_is_not_authorized()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.PasswordAuthAsync(secret: "wrong");
        AssertCognitoError(status, body, "NotAuthorizedException", "Incorrect username or password.");
        Assert.Equal(0, fake.PasswordLogins);
    }

    [Fact]
    public async Task Api_keys_are_unknown_to_the_user_pool_client()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.PasswordAuthAsync(clientId: fake.Seed.UserPoolClientId);
        AssertCognitoError(status, body, "NotAuthorizedException", "Incorrect username or password.");
    }

    [Fact]
    public async Task An_unknown_client_id_is_a_missing_resource()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.PasswordAuthAsync(clientId: "nosuchclient");
        AssertCognitoError(status, body, "ResourceNotFoundException", "User pool client nosuchclient does not exist.");
    }

    [Fact]
    public async Task Another_operation_target_is_unknown()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.InitiateAuthAsync(new JsonObject(), target: "AWSCognitoIdentityProviderService.SignUp");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("UnknownOperationException", body!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_on_its_own_client_only()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, login) = await wire.PasswordAuthAsync();
        var refresh = login!["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();

        var (status, body) = await wire.InitiateAuthAsync(RefreshBody(refresh, fake.Seed.TokenPoolClientId));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body!["AuthenticationResult"]!.AsObject();
        Assert.False(result.ContainsKey("RefreshToken"));
        var (workflowStatus, _) = await wire.GetAsync($"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}", result["AccessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, workflowStatus);

        var (otherStatus, otherBody) = await wire.InitiateAuthAsync(RefreshBody(refresh, fake.Seed.UserPoolClientId));
        AssertCognitoError(otherStatus, otherBody, "NotAuthorizedException", "Invalid Refresh Token.");
        Assert.Equal((1, 1), (fake.PasswordLogins, fake.RefreshLogins));
    }

    [Fact]
    public async Task Session_tokens_work_at_the_gateway_and_refresh_on_the_user_pool_client()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (access, refresh) = fake.IssueSessionTokens();
        var (status, _) = await wire.GetAsync($"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}", access);
        Assert.Equal(HttpStatusCode.OK, status);
        var (refreshStatus, _) = await wire.InitiateAuthAsync(RefreshBody(refresh, fake.Seed.UserPoolClientId));
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
        Assert.Equal((0, 1), (fake.PasswordLogins, fake.RefreshLogins));
    }

    [Fact]
    public async Task Throttled_logins_answer_too_many_requests_then_recover()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        fake.Faults.ThrottleLogins(2);
        for (var i = 0; i < 2; i++)
        {
            var (status, body) = await wire.PasswordAuthAsync();
            AssertCognitoError(status, body, "TooManyRequestsException", "Rate exceeded");
        }

        Assert.Equal(HttpStatusCode.OK, (await wire.PasswordAuthAsync()).Status);
    }

    [Fact]
    public async Task Rejected_logins_refuse_even_the_right_credentials()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        fake.Faults.RejectLogins(1);
        var (status, body) = await wire.PasswordAuthAsync();
        AssertCognitoError(status, body, "NotAuthorizedException", "Incorrect username or password.");
        Assert.Equal(HttpStatusCode.OK, (await wire.PasswordAuthAsync()).Status);
    }

    private static JsonObject RefreshBody(string refresh, string clientId) => new()
    {
        ["AuthFlow"] = "REFRESH_TOKEN_AUTH",
        ["AuthParameters"] = new JsonObject { ["REFRESH_TOKEN"] = refresh },
        ["ClientId"] = clientId,
    };

    private static void AssertCognitoError(HttpStatusCode status, JsonObject? body, string type, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(type, body!["__type"]!.GetValue<string>());
        Assert.Equal(message, body["message"]!.GetValue<string>());
    }
}
