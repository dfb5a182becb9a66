namespace Fenquan.Core.Policy.Form;

/// <summary>One step of a route as the policy form holds it: what it asks and of whom, as typed.</summary>
public sealed class StepForm
{
    /// <summary>A <see cref="StepKind"/> name.</summary>
    public string? Kind { get; set; }

    /// <summary>An <see cref="ActorKind"/> name.</summary>
    public string? Actor { get; set; }

    /// <summary>A <see cref="Organization.Role"/> name, with the actor NamedRole only; empty otherwise.</summary>
    public string? Role { get; set; }

    /// <summary>The 1-based number of an earlier step whose actor may also take this one (<see cref="RouteStep.SameActorAs"/> + 1); empty for none.</summary>
    public string? SameAsStep { get; set; }
}
