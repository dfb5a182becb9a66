namespace Fenquan.Core.Supervision;

/// <summary>How an efficiency complaint came in (R32).</summary>
public enum ComplaintChannel
{
    /// <summary>From an application's follow-up page.</summary>
    FollowUpPage,

    /// <summary>The public complaint form.</summary>
    PublicForm,

    /// <summary>A telephone call, entered by staff.</summary>
    Telephone,

    /// <summary>A 12345 hotline work order, entered by staff with its order number.</summary>
    Hotline12345,
}

/// <summary>R32: who handles a complaint — never the person complained of.</summary>
public enum ComplaintRoute
{
    /// <summary>The unit's discipline member (纪检委员).</summary>
    UnitDiscipline,

    /// <summary>The county's discipline inspection (县纪委监委): complaints about a principal or the discipline member.</summary>
    CountyDisciplineInspection,
}

/// <summary>The five levels of the national 好差评 scale.</summary>
public enum ServiceRating
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Basic = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}
