namespace Fenquan.Testing;

/// <summary>
/// Register with <c>[assembly: AssemblyFixture(typeof(PostgresLifetime))]</c> in a test project that
/// uses <see cref="PostgresServer"/>: the shared throwaway server is stopped when the assembly's tests
/// end, before the runner returns, instead of in a process-exit hook the runner would wait on.
/// </summary>
public sealed class PostgresLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}
