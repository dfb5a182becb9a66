using Fenquan.Core.Primitives;

namespace Fenquan.Web.Finance;

/// <summary>An attempt's outcome; <see cref="Forbidden"/> when the viewer is not finance staff at all (403).</summary>
public sealed record PaymentOutcome<T>(Result<T> Result, bool Forbidden);
