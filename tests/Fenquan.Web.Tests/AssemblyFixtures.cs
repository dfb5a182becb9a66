[assembly: AssemblyFixture(typeof(Fenquan.Testing.PostgresLifetime))]
