using Fenquan.Cli;

return await FenquanApp.RunAsync(args, Spectre.Console.AnsiConsole.Console);
