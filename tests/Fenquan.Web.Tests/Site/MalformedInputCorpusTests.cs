using System.Net;
using System.Text;
using Fenquan.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// A corpus of malformed requests over every write endpoint the application maps (API and pages),
/// sent by signed-in users of several roles, on SQLite and PostgreSQL: no answer is a server error,
/// and no refused request changes the database or the ledger. The endpoints are read from the
/// running application, so a new endpoint joins the corpus by itself.
/// </summary>
public sealed class MalformedInputCorpusTests
{
    private static readonly string[] Users = ["u1.staff1", "u1.office", "u1.finance", "u1.principal1", "u1.financestaff", "admin"];

    // Bodies a careless or hostile client sends: not JSON, the wrong JSON, wrong types, extremes,
    // control characters, unknown enum names, dates that are not dates, nesting.
    private static readonly (string ContentType, string Body)[] Bodies =
    [
        ("application/json", ""),
        ("application/json", "{"),
        ("application/json", "not json"),
        ("application/json", "null"),
        ("application/json", "[]"),
        ("application/json", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
        ("application/json", "{}"),
        ("application/json", "{\"kind\":\"NoSuchKind\",\"action\":\"NoSuchAction\",\"area\":\"Nowhere\",\"role\":\"King\"}"),
        ("application/json", "{\"amount\":-1e308,\"title\":123,\"id\":\"not-a-guid\",\"date\":\"31/02/2026\"}"),
        ("application/json", "{\"amount\":79228162514264337593543950336,\"quantity\":-5,\"unitPrice\":\"free\"}"),
        ("application/json", "{\"title\":\"a\\u0000b\",\"name\":\"\\u0007\",\"comment\":\"x\\u001b\"}"),
        ("application/json", "{\"title\":\"" + new string('长', 5000) + "\",\"name\":\"" + new string('x', 5000) + "\"}"),
        ("application/json", "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"personId\":\"00000000-0000-0000-0000-000000000000\",\"unitId\":\"ffffffff-ffff-ffff-ffff-ffffffffffff\"}"),
        ("application/json", "{\"from\":\"2026-13-45\",\"to\":\"yesterday\",\"matterDate\":\"0001-01-01\",\"on\":\"9999-12-31\"}"),
        ("application/json", "{\"lines\":[{\"amount\":null},{}],\"vouchers\":[{\"number\":[]}],\"members\":{\"a\":1}}"),
        ("text/plain", "hello"),
        ("application/x-www-form-urlencoded", "a=1&b=%00&c"),
        ("multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 no end"),
        ("application/xml", "<matter><amount>1</amount></matter>"),
    ];

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryWriteEndpoint_ThousandsOfMalformedRequests_NoServerError_AndNoRefusalChangesAnything(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clients = new List<(string User, HttpClient Client, string Token)>();
        foreach (var user in Users)
        {
            var client = await app.SignInAsync(user);
            var token = WebApp.Token(await client.GetStringAsync("/notifications"));
            Assert.NotEmpty(token);
            clients.Add((user, client, token));
        }

        // Real identifiers (so a request reaches past "not found") and made-up ones.
        var office = clients.Single(c => c.User == "u1.office").Client;
        var matters = (await (await office.GetAsync("/api/v1/matters?scope=unit")).ReadAsync()).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()!).Take(3).ToList();
        string[] guids = [.. matters, Guid.NewGuid().ToString(), "00000000-0000-0000-0000-000000000000"];
        string[] texts = ["x", "A02010104", "a%20b", "..%2F..%2Fetc", new string('9', 300)];
        string[] numbers = ["0", "-1", "2147483648", "1"];

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // A page takes every method; its forms are posted.
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null ? ["POST"] : [])))
            .Where(e => e.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .Where(e => !(e.Endpoint.RoutePattern.RawText ?? string.Empty).Contains("account", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(endpoints.Count(e => e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null) >= 30, "too few API write endpoints found");
        Assert.True(endpoints.Count(e => e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null) >= 20, "too few pages found");

        var random = new Random(20261206);
        var sent = 0;
        var failures = new List<string>();
        foreach (var (endpoint, methods) in endpoints)
        {
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
                foreach (var (contentType, body) in Bodies)
                {
                    var (user, client, token) = clients[random.Next(clients.Count)];
                    var path = Fill(endpoint.RoutePattern, guids, texts, numbers, random);
                    if (isPage)
                    {
                        path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + new[] { "", "Approve", "Pay", "Nope", "Attach", "Confirm" }[random.Next(6)];
                    }

                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                    content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    request.Content = content;
                    if (isPage)
                    {
                        request.Headers.Add("RequestVerificationToken", token);
                    }

                    var before = await app.CountsAsync();
                    using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                    sent++;
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{status} {method} {path} as {user} with {contentType} {Short(body)}: {Short(await response.Content.ReadAsStringAsync())}");
                    }
                    else if (status >= 400 && await app.CountsAsync() != before)
                    {
                        failures.Add($"refused {status} but changed the data: {method} {path} as {user} with {Short(body)}");
                    }
                }
            }
        }

        Assert.True(sent >= 1000, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, string[] guids, string[] texts, string[] numbers, Random random)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var part = new StringBuilder();
            foreach (var piece in segment.Parts)
            {
                switch (piece)
                {
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal:
                        part.Append(literal.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator:
                        part.Append(separator.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter:
                        var constraints = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content));
                        part.Append(constraints.Contains("guid", StringComparison.Ordinal) ? guids[random.Next(guids.Length)]
                            : constraints.Contains("int", StringComparison.Ordinal) || constraints.Contains("long", StringComparison.Ordinal) ? numbers[random.Next(numbers.Length)]
                            : parameter.Name.Contains("id", StringComparison.OrdinalIgnoreCase) && random.Next(2) == 0 ? guids[random.Next(guids.Length)]
                            : texts[random.Next(texts.Length)]);
                        break;
                }
            }

            segments.Add(part.ToString());
        }

        return "/" + string.Join("/", segments);
    }

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
