using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// Money the unit received (R9: income is disclosed beside expenditure): recorded by the unit's
/// finance staff with the voucher it came with (the appropriation notice's, the non-tax receipt's
/// or the bank slip's number). A row of its own, never changed.
/// </summary>
public sealed class Income
{
    public const int MaxText = 200;

    private Income()
    {
        Source = Voucher = string.Empty;
    }

    private Income(CountyId county, UnitId unit, RecordIncome command, string source, string voucher, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        UnitId = unit;
        Kind = command.Kind;
        Amount = command.Amount;
        Source = source;
        Voucher = voucher;
        ReceivedOn = command.ReceivedOn;
        RecordedBy = command.RecordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public IncomeKind Kind { get; private set; }

    /// <summary>Yuan, above zero.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Who paid it in (the finance bureau, the fee payer …).</summary>
    public string Source { get; private set; }

    /// <summary>The voucher's number: appropriation notice, non-tax receipt or bank slip.</summary>
    public string Voucher { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public PersonId RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records income of <paramref name="unit"/>: only its finance staff, with a voucher, for a day not after today (R9).</summary>
    public static Result<Income> Record(CountyId county, UnitId unit, RecordIncome command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(org);
        var today = ChinaTime.DateOf(now);
        if (!org.HoldsRole(unit, command.RecordedBy, Role.FinanceStaff, today))
        {
            return Refusal.Because("R9", "IncomeByFinanceStaff", "{person} is not finance staff of the unit on {date}; the unit's finance staff record its income.",
                ("person", org.NameOf(command.RecordedBy)), ("date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var voucher = command.Voucher?.Trim() ?? string.Empty;
        if (voucher.Length == 0)
        {
            return Refusal.Because("R9", "IncomeVoucher", "Income is recorded with its voucher (appropriation notice, non-tax receipt or bank slip): name its number.");
        }

        var source = command.Source?.Trim() ?? string.Empty;
        if (!Enum.IsDefined(command.Kind) || source.Length == 0 || source.Length > MaxText || voucher.Length > MaxText)
        {
            return Refusal.Because(Refusal.InvalidId, "IncomeFields", "Income names its kind (Appropriation, NonTaxRevenue or Other), its source and its voucher (each at most {max} characters).", ("max", MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (command.Amount <= 0m || decimal.Round(command.Amount, 2) != command.Amount || command.ReceivedOn > today)
        {
            return Refusal.Because(Refusal.InvalidId, "IncomeAmountOrDay", "Income is above zero, to the fen, and recorded once received, not for a later day.");
        }

        return Result<Income>.Ok(new Income(county, unit, command, source, voucher, now));
    }
}
