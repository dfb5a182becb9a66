using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>The relationships a person declares (亲属关系申报).</summary>
public enum RelationshipKind
{
    /// <summary>配偶.</summary>
    Spouse,

    /// <summary>子女.</summary>
    Child,

    /// <summary>父母.</summary>
    Parent,

    /// <summary>兄弟姐妹.</summary>
    Sibling,

    /// <summary>其他.</summary>
    Other,
}

public sealed class RelativeInput
{
    public Guid? RelativeId { get; set; }

    public RelationshipKind? Relationship { get; set; }
}

public sealed record RelativeView(Guid Id, Guid RelativeId, string RelativeName, RelationshipKind Relationship, string RelationshipTerm, DateTimeOffset DeclaredAt);

/// <summary>
/// A person declares their relatives (亲属关系申报) as themselves, never for someone else; a meeting
/// opened afterwards recuses a declared relative of anyone interested in an item (R43).
/// </summary>
public sealed class RelativeService(DbSession session, FenquanStore store)
{
    /// <summary>How the relationship is stored and shown in the record (the core keeps the declared term).</summary>
    public static string Term(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Spouse => "配偶",
        RelationshipKind.Child => "子女",
        RelationshipKind.Parent => "父母",
        RelationshipKind.Sibling => "兄弟姐妹",
        RelationshipKind.Other => "其他",
    };

    public static Refusal NoPerson => new("R43", "Only a person of the county declares relatives, and only their own.");

    private readonly MeetingOperations _operations = new(store.Writer);

    public IReadOnlyList<RelativeView> List(Viewer viewer)
    {
        if (viewer.Person is not { } me)
        {
            return [];
        }

        var declared = MeetingOperations.RelativesDeclaredBy(session.Db, viewer.County, me);
        var ids = declared.Select(d => d.RelativeId).ToList();
        var names = session.Db.People.AsNoTracking().Where(p => p.CountyId == viewer.County && ids.Contains(p.Id)).ToDictionary(p => p.Id, p => p.Name);
        return declared.Select(d => new RelativeView(d.Id, d.RelativeId.Value, names.GetValueOrDefault(d.RelativeId, d.RelativeId.ToString()), KindOf(d.Relationship), d.Relationship, d.DeclaredAt)).ToList();
    }

    /// <summary>The county's people the viewer may name as a relative (everyone but themselves), by name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> People(Viewer viewer) =>
        [.. session.Db.People.AsNoTracking().Where(p => p.CountyId == viewer.County).AsEnumerable()
            .Where(p => p.Id != viewer.Person).OrderBy(p => p.Name, StringComparer.Ordinal).Take(5000).Select(p => (p.Id.Value, p.Name))];

    /// <summary>The viewer declares a relative as themselves. 403 for a person-less account, 400 for bad input, 404 for a person of another county.</summary>
    public async Task<MeetingAttempt<RelativeDeclaration>> DeclareAsync(Viewer viewer, RelativeInput input)
    {
        if (viewer.Person is not { } me)
        {
            return new(NoPerson, true);
        }

        if (input.RelativeId is not { } relative || input.Relationship is not { } kind || !Enum.IsDefined(kind))
        {
            return new(Refusal.Because(Refusal.InvalidId, "RelativeDeclaration", "A declaration names the relative and the relationship (Spouse, Child, Parent, Sibling or Other)."), false);
        }

        return await _operations.DeclareRelativeAsync(viewer.County, me, new PersonId(relative), Term(kind));
    }

    private static RelationshipKind KindOf(string term) =>
        Enum.GetValues<RelationshipKind>().FirstOrDefault(k => Term(k) == term, RelationshipKind.Other);
}
