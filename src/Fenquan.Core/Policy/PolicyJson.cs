using System.Globalization;
using System.Text;
using System.Text.Json;
using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// The policy file format (docs/policy-format.md): JSON with camelCase names and camelCase enum
/// values. Parsing fails closed: bad JSON, a missing field, an unknown field or an unknown name is
/// refused with R40 and the JSON path of the bad field. <see cref="Write"/> round-trips.
/// </summary>
public static class PolicyJson
{
    /// <summary>The key of <c>stepLimits</c> that holds the limit of every kind of step not named beside it.</summary>
    public const string DefaultStepLimit = "default";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    public static Result<PolicyDocument> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return Refusal.Because("R40", "InvalidJson", "The policy file is not valid JSON (line {line}, byte {byte}): {message}",
                ("line", ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)),
                ("byte", ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)),
                ("message", e.Message));
        }

        using (document)
        {
            try
            {
                return Result<PolicyDocument>.Ok(ReadDocument(document.RootElement));
            }
            catch (PolicyFormatException e)
            {
                return Refusal.Because("R40", "InvalidPolicy", "{path}: {message}", ("path", e.Path), ("message", e.Message));
            }
        }
    }

    public static string Write(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", policy.Version);
            w.WriteString("effectiveFrom", policy.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStartObject("limits");
            w.WriteNumber("smallExpense", policy.Limits.SmallExpense);
            w.WriteNumber("purchase", policy.Limits.Purchase);
            w.WriteNumber("collective", policy.Limits.Collective);
            w.WriteEndObject();
            WriteStepLimits(w, policy.StepLimits);
            w.WriteStartArray("rules");
            foreach (var rule in policy.Rules)
            {
                w.WriteStartObject();
                if (rule.Id is not null)
                {
                    w.WriteString("id", rule.Id);
                }

                w.WriteString("area", Name(rule.Area));
                w.WriteString("kind", Name(rule.Kind));
                w.WriteStartArray("initiators");
                foreach (var i in rule.Initiators)
                {
                    w.WriteStringValue(Name(i));
                }

                w.WriteEndArray();
                w.WriteStartObject("amount");
                WriteBound(w, "above", rule.Amount.Above);
                WriteBound(w, "upTo", rule.Amount.UpTo);
                w.WriteEndObject();
                WriteFlags(w, "requiredFlags", rule.RequiredFlags);
                WriteFlags(w, "excludedFlags", rule.ExcludedFlags);
                w.WriteStartArray("cites");
                foreach (var id in rule.Route.Rules)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteStartArray("steps");
                foreach (var step in rule.Route.Steps)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", Name(step.Kind));
                    w.WriteString("actor", Name(step.Actor.Kind));
                    if (step.Actor.Role is { } role)
                    {
                        w.WriteString("role", Name(role));
                    }

                    if (step.SameActorAs is { } k)
                    {
                        w.WriteNumber("sameActorAs", k);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStepLimits(Utf8JsonWriter w, StepTimeLimits limits)
    {
        w.WriteStartObject("stepLimits");
        WriteStepLimit(w, DefaultStepLimit, limits.Default);
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            if (limits.ByKind.TryGetValue(kind, out var limit))
            {
                WriteStepLimit(w, Name(kind), limit);
            }
        }

        w.WriteEndObject();
    }

    private static void WriteStepLimit(Utf8JsonWriter w, string name, StepLimit limit)
    {
        w.WriteStartObject(name);
        w.WriteNumber("days", limit.Limit.Days);
        w.WriteString("count", Name(limit.Limit.Count));
        w.WriteNumber("warningPercent", limit.WarningPercent);
        w.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter w, string name, LimitRef? bound)
    {
        if (bound is null)
        {
            w.WriteNull(name);
        }
        else if (bound.Name is { } limit)
        {
            w.WriteString(name, limit switch
            {
                LimitName.SmallExpense => "S",
                LimitName.Purchase => "P",
                LimitName.Collective => "C",
                _ => throw new ArgumentException($"Unknown limit {limit}.", nameof(bound)),
            });
        }
        else
        {
            w.WriteNumber(name, bound.Amount ?? throw new ArgumentException("A bound has neither a limit nor an amount.", nameof(bound)));
        }
    }

    private static void WriteFlags(Utf8JsonWriter w, string name, MatterFlags flags)
    {
        w.WriteStartArray(name);
        foreach (var flag in new[] { MatterFlags.CatalogueItem, MatterFlags.MajorApprovalItem, MatterFlags.BeyondVariationShare })
        {
            if ((flags & flag) != 0)
            {
                w.WriteStringValue(Name(flag));
            }
        }

        w.WriteEndArray();
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static PolicyDocument ReadDocument(JsonElement root)
    {
        var o = new ObjectReader(root, "$", ["version", "effectiveFrom", "limits", "stepLimits", "rules"]);
        var version = o.Required("version", JsonValueKind.Number);
        if (!version.TryGetInt32(out var v) || v < 1)
        {
            throw new PolicyFormatException("$.version", "must be a positive whole number.");
        }

        var fromText = o.Required("effectiveFrom", JsonValueKind.String).GetString();
        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new PolicyFormatException("$.effectiveFrom", "must be a date written yyyy-MM-dd.");
        }

        var limits = new ObjectReader(o.Required("limits", JsonValueKind.Object), "$.limits", ["smallExpense", "purchase", "collective"]);
        var unitLimits = new UnitLimits(
            Amount(limits.Required("smallExpense", JsonValueKind.Number), "$.limits.smallExpense"),
            Amount(limits.Required("purchase", JsonValueKind.Number), "$.limits.purchase"),
            Amount(limits.Required("collective", JsonValueKind.Number), "$.limits.collective"));

        var rules = new List<PolicyRule>();
        var index = 0;
        foreach (var element in o.Required("rules", JsonValueKind.Array).EnumerateArray())
        {
            rules.Add(ReadRule(element, string.Create(CultureInfo.InvariantCulture, $"$.rules[{index}]")));
            index++;
        }

        // R46: a policy written before step limits were in the policy keeps today's 3 working days.
        var stepLimits = o.Optional("stepLimits") is { } stepElement ? ReadStepLimits(stepElement, "$.stepLimits") : StepTimeLimits.Standard;
        return new PolicyDocument(v, from, unitLimits, rules) { StepLimits = stepLimits };
    }

    private static StepTimeLimits ReadStepLimits(JsonElement element, string path)
    {
        var known = Enum.GetValues<StepKind>().Select(k => Name(k)).Prepend(DefaultStepLimit).ToArray();
        var o = new ObjectReader(element, path, known);
        var byKind = new Dictionary<StepKind, StepLimit>();
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            if (o.Optional(Name(kind)) is { } limit)
            {
                byKind[kind] = ReadStepLimit(limit, $"{path}.{Name(kind)}");
            }
        }

        var fallback = o.Optional(DefaultStepLimit) is { } d ? ReadStepLimit(d, $"{path}.{DefaultStepLimit}") : StepLimit.Standard;
        return new StepTimeLimits(fallback, byKind);
    }

    // The verifier judges the numbers (R46: more than zero days, a share from 1 to 100 %); the format only reads them.
    private static StepLimit ReadStepLimit(JsonElement element, string path)
    {
        var o = new ObjectReader(element, path, ["days", "count", "warningPercent"]);
        var days = WholeNumber(o.Required("days", JsonValueKind.Number), $"{path}.days");
        var count = EnumValue<DayCount>(o.Required("count", JsonValueKind.String), $"{path}.count");
        var percent = o.Optional("warningPercent") is { } p
            ? WholeNumber(Expect(p, JsonValueKind.Number, $"{path}.warningPercent"), $"{path}.warningPercent")
            : LimitWatch.DefaultWarningPercent;
        return new StepLimit(new TimeLimit(days, count), percent);
    }

    private static int WholeNumber(JsonElement element, string path) =>
        element.TryGetInt32(out var value) ? value : throw new PolicyFormatException(path, "must be a whole number.");

    private static PolicyRule ReadRule(JsonElement element, string path)
    {
        var o = new ObjectReader(element, path, ["id", "area", "kind", "initiators", "amount", "requiredFlags", "excludedFlags", "cites", "steps"]);
        string? id = null;
        if (o.Optional("id") is { } idElement)
        {
            id = Expect(idElement, JsonValueKind.String, $"{path}.id").GetString();
        }

        var area = EnumValue<Area>(o.Required("area", JsonValueKind.String), $"{path}.area");
        var kind = EnumValue<MatterKind>(o.Required("kind", JsonValueKind.String), $"{path}.kind");
        var initiators = Array(o.Required("initiators", JsonValueKind.Array), $"{path}.initiators", (e, p) => EnumValue<InitiatorKind>(e, p));
        if (initiators.Count == 0)
        {
            throw new PolicyFormatException($"{path}.initiators", "must name at least one initiator kind.");
        }

        var band = AmountBand.Any;
        if (o.Optional("amount") is { } amountElement)
        {
            var a = new ObjectReader(Expect(amountElement, JsonValueKind.Object, $"{path}.amount"), $"{path}.amount", ["above", "upTo"]);
            band = new AmountBand(Bound(a.Optional("above"), $"{path}.amount.above"), Bound(a.Optional("upTo"), $"{path}.amount.upTo"));
        }

        var required = Flags(o.Optional("requiredFlags"), $"{path}.requiredFlags");
        var excluded = Flags(o.Optional("excludedFlags"), $"{path}.excludedFlags");
        IReadOnlyList<string> cites = o.Optional("cites") is { } citesElement
            ? Array(Expect(citesElement, JsonValueKind.Array, $"{path}.cites"), $"{path}.cites", RuleId)
            : [];
        var steps = Array(o.Required("steps", JsonValueKind.Array), $"{path}.steps", ReadStep);
        return new PolicyRule(area, kind, initiators, band, required, excluded, new Route(steps, cites)) { Id = id };
    }

    private static RouteStep ReadStep(JsonElement element, string path)
    {
        var o = new ObjectReader(element, path, ["kind", "actor", "role", "sameActorAs"]);
        var kind = EnumValue<StepKind>(o.Required("kind", JsonValueKind.String), $"{path}.kind");
        var actorKind = EnumValue<ActorKind>(o.Required("actor", JsonValueKind.String), $"{path}.actor");
        Role? role = null;
        if (o.Optional("role") is { } roleElement)
        {
            role = EnumValue<Role>(Expect(roleElement, JsonValueKind.String, $"{path}.role"), $"{path}.role");
        }

        if ((actorKind == ActorKind.NamedRole) != (role is not null))
        {
            throw new PolicyFormatException($"{path}.role", "is required with the actor namedRole and allowed only with it.");
        }

        int? same = null;
        if (o.Optional("sameActorAs") is { } sameElement)
        {
            if (sameElement.ValueKind != JsonValueKind.Number || !sameElement.TryGetInt32(out var k) || k < 0)
            {
                throw new PolicyFormatException($"{path}.sameActorAs", "must be the 0-based index of an earlier step.");
            }

            same = k;
        }

        return new RouteStep(kind, new ActorSpec(actorKind, role)) { SameActorAs = same };
    }

    private static LimitRef? Bound(JsonElement? element, string path)
    {
        if (element is not { } e || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.Number => LimitRef.Of(Amount(e, path)),
            JsonValueKind.String => e.GetString() switch
            {
                "S" => LimitRef.Of(LimitName.SmallExpense),
                "P" => LimitRef.Of(LimitName.Purchase),
                "C" => LimitRef.Of(LimitName.Collective),
                var other => throw new PolicyFormatException(path, $"'{other}' is not a limit; use \"S\", \"P\", \"C\" or an amount."),
            },
            _ => throw new PolicyFormatException(path, "must be an amount, \"S\", \"P\", \"C\" or null."),
        };
    }

    private static MatterFlags Flags(JsonElement? element, string path)
    {
        if (element is not { } e)
        {
            return MatterFlags.None;
        }

        var flags = MatterFlags.None;
        foreach (var flag in Array(Expect(e, JsonValueKind.Array, path), path, (f, p) => EnumValue<MatterFlags>(f, p)))
        {
            flags |= flag;
        }

        return flags;
    }

    private static string RuleId(JsonElement element, string path)
    {
        var text = Expect(element, JsonValueKind.String, path).GetString()!;
        if (text.Length < 2 || text[0] != 'R' || !text.AsSpan(1).ToString().All(char.IsAsciiDigit))
        {
            throw new PolicyFormatException(path, $"'{text}' is not a rule id like \"R4\".");
        }

        return text;
    }

    private static decimal Amount(JsonElement element, string path)
    {
        if (!element.TryGetDecimal(out var value) || value < 0m)
        {
            throw new PolicyFormatException(path, "must be a non-negative amount in yuan.");
        }

        return value;
    }

    private static T EnumValue<T>(JsonElement element, string path)
        where T : struct, Enum
    {
        var text = Expect(element, JsonValueKind.String, path).GetString();
        foreach (var value in Enum.GetValues<T>())
        {
            if (!value.Equals(default(T)) || typeof(T) != typeof(MatterFlags))
            {
                if (string.Equals(Name(value), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        var known = string.Join(", ", Enum.GetValues<T>().Where(x => typeof(T) != typeof(MatterFlags) || !x.Equals(default(T))).Select(Name));
        throw new PolicyFormatException(path, $"'{text}' is not a known {typeof(T).Name}; expected one of {known}.");
    }

    private static List<T> Array<T>(JsonElement element, string path, Func<JsonElement, string, T> read)
    {
        var list = new List<T>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            list.Add(read(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")));
            i++;
        }

        return list;
    }

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string path) =>
        element.ValueKind == kind ? element : throw new PolicyFormatException(path, $"must be {Describe(kind)}, not {Describe(element.ValueKind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "missing",
        _ => kind.ToString(),
    };

    /// <summary>Reads an object's fields, refusing unknown and repeated ones.</summary>
    private sealed class ObjectReader
    {
        private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
        private readonly string _path;

        public ObjectReader(JsonElement element, string path, string[] known)
        {
            _path = path;
            Expect(element, JsonValueKind.Object, path);
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new PolicyFormatException($"{path}.{property.Name}", $"is not a known field; expected {string.Join(", ", known)}.");
                }

                if (!_fields.TryAdd(property.Name, property.Value))
                {
                    throw new PolicyFormatException($"{path}.{property.Name}", "appears twice.");
                }
            }
        }

        public JsonElement Required(string name, JsonValueKind kind) =>
            _fields.TryGetValue(name, out var value)
                ? Expect(value, kind, $"{_path}.{name}")
                : throw new PolicyFormatException($"{_path}.{name}", "is required.");

        public JsonElement? Optional(string name) => _fields.TryGetValue(name, out var value) ? value : null;
    }

    private sealed class PolicyFormatException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
