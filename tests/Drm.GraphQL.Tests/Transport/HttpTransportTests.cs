using System.Net;
using System.Text;

namespace Drm.GraphQL.Tests.Transport;

public sealed class HttpTransportTests(ServerFixture server)
{
    [Fact]
    public async Task Get_Query_Executes_AndMutationIs405()
    {
        using var query = await server.Http.GetAsync(new Uri(server.GraphQLUrl, "?query=%7B__typename%7D"));
        query.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await query.Content.ReadAsStringAsync()).ShouldBe("{\"data\":{\"__typename\":\"Query\"}}");

        using var mutation = await server.Http.GetAsync(new Uri(server.GraphQLUrl,
            "?query=" + Uri.EscapeDataString("mutation { deleteDevice(id: \"x\") }")));
        mutation.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        mutation.Content.Headers.Allow.ShouldContain("POST");
    }

    [Theory]
    [InlineData("text/plain", "{\"query\":\"{ __typename }\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"query\":", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"query\": 1}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"query\":\"{ __typename }\", \"variables\": [1]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{}", HttpStatusCode.BadRequest)]
    public async Task Post_BadRequest_IsA4xxWithAnErrorAndNoData(string contentType, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new(contentType);

        using var response = await server.Http.PostAsync(server.GraphQLUrl, content);

        response.StatusCode.ShouldBe(expected);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"errors\"");
        text.ShouldNotContain("\"data\"");
    }

    [Fact]
    public async Task InvalidDocument_Is400WithGraphQLResponseJson_And200WithLegacyJson()
    {
        var modern = await server.PostAsync("{ noSuchField }");
        modern.Status.ShouldBe(400);
        modern.Code.ShouldBe("GRAPHQL_VALIDATION_FAILED");

        var legacy = await server.PostAsync("{ noSuchField }", accept: "application/json");
        legacy.Status.ShouldBe(200);
        (await server.PostAsync("{", accept: "application/json")).Code.ShouldBe("GRAPHQL_PARSE_FAILED");
    }

    [Fact]
    public async Task UnacceptableMediaType_Is406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/xml");

        using var response = await server.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task TooDeepOrTooComplexQuery_IsRefusedBeforeExecution()
    {
        // Depth 20: deeper than GRAPHQL_MAX_DEPTH (15) but well-formed.
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 15)) + "name"
            + string.Concat(Enumerable.Repeat(" }", 15)) + " } } } } }";

        var response = await server.PostAsync(deep, token: server.Alpha.ViewerToken);

        response.Status.ShouldBe(400);
        response.Code.ShouldBe("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Browser_GetsRedirectedToTheIde_WhichIsConfiguredForThisServer()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, server.GraphQLUrl);
        request.Headers.Accept.ParseAdd("text/html");

        using var redirect = await client.SendAsync(request);
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldBe("/graphql/");

        var page = await server.Http.GetStringAsync(new Uri(server.BaseUrl, "/graphql/"));
        page.ShouldContain("Banana Cake Pop");
        var config = await server.Http.GetStringAsync(new Uri(server.BaseUrl, "/graphql/bcp-config.json"));
        config.ShouldContain($"\"subscriptionEndpoint\":\"ws://{server.BaseUrl.Authority}/graphql\"");
        config.ShouldContain("\"disableTelemetry\":true");
    }

    [Theory]
    [InlineData(ServerFixture.CorsOrigin, true)]
    [InlineData("https://evil.example.com", false)]
    public async Task CorsPreflight_AllowsOnlyConfiguredOrigins(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, server.GraphQLUrl);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await server.Http.SendAsync(request);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins).ShouldBe(allowed);
        if (allowed)
        {
            origins!.ShouldBe([origin]);
        }
    }

    [Fact]
    public async Task Health_AndReadiness_ReportTheDatabase()
    {
        (await server.Http.GetStringAsync(new Uri(server.BaseUrl, "/healthz"))).ShouldBe("ok");
        (await server.Http.GetStringAsync(new Uri(server.BaseUrl, "/readyz"))).ShouldContain("ready");
    }

    [Fact]
    public async Task Sse_StreamsSubscriptionEvents_AndSingleResults()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent("{\"query\":\"subscription { serverTime }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (events.Count < 2 && await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                events.Add(line);
            }
        }

        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.Contains("serverTime", StringComparison.Ordinal));

        using var single = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        single.Headers.Accept.ParseAdd("text/event-stream");
        using var singleResponse = await server.Http.SendAsync(single);
        (await singleResponse.Content.ReadAsStringAsync()).ShouldBe(
            "event: next\ndata: {\"data\":{\"__typename\":\"Query\"}}\n\nevent: complete\ndata: \n\n");
    }
}
