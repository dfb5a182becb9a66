using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A stored declaration (亲属关系申报) that <see cref="PersonId"/> has <see cref="RelativeId"/> as a
/// relative: one immutable row per county, person and relative. A meeting reads it both ways when
/// it opens, to recuse the relatives of anyone interested in an item (R43).
/// </summary>
public sealed class RelativeDeclaration
{
    private RelativeDeclaration()
    {
        Relationship = string.Empty;
    }

    private RelativeDeclaration(CountyId countyId, PersonId personId, PersonId relativeId, string relationship, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CountyId = countyId;
        PersonId = personId;
        RelativeId = relativeId;
        Relationship = relationship;
        DeclaredAt = at;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>Who declared.</summary>
    public PersonId PersonId { get; private set; }

    /// <summary>The relative declared.</summary>
    public PersonId RelativeId { get; private set; }

    /// <summary>How they are related (配偶, 子女, 兄弟姐妹 …), as declared.</summary>
    public string Relationship { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>The relation as <see cref="Meeting.Open"/> reads it.</summary>
    public DeclaredRelation ToRelation() => new(PersonId, RelativeId);

    /// <summary>
    /// Declares a relation. Refused for oneself, without a relationship, and when the pair is
    /// already declared (either way round) in <paramref name="existing"/>.
    /// </summary>
    public static Result<RelativeDeclaration> Declare(CountyId county, PersonId person, PersonId relative, string relationship, IEnumerable<DeclaredRelation> existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (person == relative)
        {
            return Refusal.Because("R43", "OwnRelative", "A person is not declared as their own relative.");
        }

        if (string.IsNullOrWhiteSpace(relationship))
        {
            return Refusal.Because("R43", "RelationshipMissing", "A declared relation needs the relationship (配偶, 子女 …).");
        }

        if (existing.Any(r => (r.PersonId == person && r.RelativeId == relative) || (r.PersonId == relative && r.RelativeId == person)))
        {
            return Refusal.Because("R43", "AlreadyDeclared", "This relation is already declared.");
        }

        return Result<RelativeDeclaration>.Ok(new RelativeDeclaration(county, person, relative, relationship.Trim(), now));
    }
}
