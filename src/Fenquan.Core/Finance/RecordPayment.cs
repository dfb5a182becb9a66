using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>A payment as finance staff enter it: the amount, to whom, how, its reference and the day it was paid.</summary>
public sealed record RecordPayment(PersonId RecordedBy, decimal Amount, Payee Payee, PaymentMethod Method, string? Reference, DateOnly PaidOn);
