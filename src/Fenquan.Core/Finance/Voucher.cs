using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// An invoice on an expense claim (R8: the principal inspects vouchers). <see cref="Key"/> is what
/// makes it one invoice in the county — the code and number, or the digital invoice's number — and
/// no invoice is claimed twice in the county. Made only by <see cref="Claim.Itemise"/>.
/// </summary>
public sealed class Voucher
{
    private Voucher()
    {
        Number = Key = string.Empty;
    }

    internal Voucher(CountyId county, UnitId unit, MatterId matter, VoucherKind kind, string? invoiceCode, string number, string key)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        UnitId = unit;
        MatterId = matter;
        Kind = kind;
        InvoiceCode = invoiceCode;
        Number = number;
        Key = key;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    public VoucherKind Kind { get; private set; }

    /// <summary>The invoice code; null for a digital invoice.</summary>
    public string? InvoiceCode { get; private set; }

    public string Number { get; private set; }

    /// <summary>Unique in the county: "code-number", or the digital invoice's 20 digits.</summary>
    public string Key { get; private set; }

    /// <summary>The key of an invoice as printed, or the R8 refusal of a number that is no invoice's.</summary>
    public static Result<(VoucherKind Kind, string? Code, string Number, string Key)> KeyOf(VoucherInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = Digits(input.InvoiceCode);
        var number = Digits(input.Number);
        if (code.Length == 0 && number.Length == 20 && number.All(char.IsAsciiDigit))
        {
            return Result<(VoucherKind, string?, string, string)>.Ok((VoucherKind.DigitalInvoice, null, number, number));
        }

        if (code.Length is 10 or 12 && code.All(char.IsAsciiDigit) && number.Length == 8 && number.All(char.IsAsciiDigit))
        {
            return Result<(VoucherKind, string?, string, string)>.Ok((VoucherKind.Invoice, code, number, code + "-" + number));
        }

        return Refusal.Because("R8", "VoucherNumber", "\"{code} {number}\" is no invoice's number: an invoice has a 10- or 12-digit code and an 8-digit number, a fully digital invoice (数电票) a 20-digit number and no code.",
            ("code", input.InvoiceCode?.Trim() ?? string.Empty), ("number", input.Number?.Trim() ?? string.Empty));
    }

    private static string Digits(string? text) => new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
