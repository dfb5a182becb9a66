using Xunit;

namespace Fenquan.Testing;

/// <summary>
/// Tests that need Chromium or PostgreSQL skip with a reason where they are missing — unless
/// FENQUAN_REQUIRE_ALL=1 (as CI sets it), and then a missing dependency is a failure.
/// </summary>
public static class Requirements
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("FENQUAN_REQUIRE_ALL") == "1";

    public static void Missing(string what)
    {
        if (RequireAll)
        {
            Assert.Fail($"{what} is missing and FENQUAN_REQUIRE_ALL=1: install it (see .ci/run).");
        }

        Assert.Skip($"{what} is missing; set FENQUAN_REQUIRE_ALL=1 to make this a failure.");
    }
}
