using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using static Fenquan.Core.Tests.Policy.PolicyTestData;

namespace Fenquan.Core.Tests.Policy;

public class PolicyJsonTests
{
    [Fact]
    [Trait("Rule", "R40")]
    public void DefaultPolicy_RoundTripsThroughJson()
    {
        var policy = DefaultPolicy.Create(Limits, CountyBounds.Default with { LawEnforcementEnabled = true });
        var json = PolicyJson.Write(policy);
        var parsed = PolicyJson.Parse(json);
        Assert.True(parsed.IsOk, parsed.ToString());
        Assert.Equal(policy, parsed.Value);
        Assert.Equal(json, PolicyJson.Write(parsed.Value));
    }

    [Fact]
    public void Json_UsesCamelCaseNames_AndLimitLetters()
    {
        var json = PolicyJson.Write(Default);
        Assert.Contains("\"area\": \"administrativeApproval\"", json, StringComparison.Ordinal);
        Assert.Contains("\"upTo\": \"S\"", json, StringComparison.Ordinal);
        Assert.Contains("\"actor\": \"deputyInCharge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sameActorAs\": 0", json, StringComparison.Ordinal);
        Assert.Contains("\"requiredFlags\": [\n        \"catalogueItem\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedExamplePolicy_IsTheDefaultPolicyForTheExampleLimits()
    {
        var example = DefaultPolicy.Example();
        Assert.True(example.IsOk, example.ToString());
        Assert.Equal(DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default), example.Value);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [InlineData("{ \"version\": 1,")]
    [InlineData("not json")]
    [InlineData("")]
    public void BadJson_IsRefusedWithR40(string json)
    {
        var result = PolicyJson.Parse(json);
        Assert.False(result.IsOk);
        Assert.Equal("R40", result.Refusal!.RuleId);
        Assert.Contains("not valid JSON", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [InlineData("\"actor\": \"office\"", "\"actor\": \"secretary\"", "$.rules[0].steps[0].actor", "'secretary'")]
    [InlineData("\"actor\": \"office\"", "\"actor\": \"office\", \"signer\": 1", "$.rules[0].steps[0].signer", "not a known field")]
    [InlineData("\"area\": \"finance\"", "\"area\": \"sports\"", "$.rules[0].area", "'sports'")]
    [InlineData("\"upTo\": \"S\"", "\"upTo\": \"X\"", "$.rules[0].amount.upTo", "not a limit")]
    [InlineData("\"version\": 1", "\"version\": \"one\"", "$.version", "must be a number")]
    [InlineData("\"purchase\": 2000", "\"purchase\": -1", "$.limits.purchase", "non-negative")]
    [InlineData("\"cites\": [\n        \"R4\"", "\"cites\": [\n        \"rule four\"", "$.rules[0].cites[0]", "rule id")]
    public void BadField_IsRefusedWithR40_NamingItsPath(string find, string replace, string path, string why)
    {
        var json = ReplaceFirst(PolicyJson.Write(Default), find, replace);
        var result = PolicyJson.Parse(json);
        Assert.False(result.IsOk);
        Assert.Equal("R40", result.Refusal!.RuleId);
        Assert.StartsWith(path + ":", result.Refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(why, result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void MissingSteps_IsRefusedNamingThePath()
    {
        var result = PolicyJson.Parse("""{ "version": 1, "effectiveFrom": "2025-01-01", "limits": { "smallExpense": 3000, "purchase": 2000, "collective": 5000 }, "rules": [ { "area": "finance", "kind": "expense", "initiators": ["staff"] } ] }""");
        Assert.Equal("$.rules[0].steps: is required.", result.Refusal!.Reason);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void NamedRoleWithoutARole_IsRefused() =>
        Assert.StartsWith("$.rules[0].steps[0].role", PolicyJson.Parse(ReplaceFirst(PolicyJson.Write(Default), "\"actor\": \"office\"", "\"actor\": \"namedRole\"")).Refusal!.Reason, StringComparison.Ordinal);

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the JSON");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
