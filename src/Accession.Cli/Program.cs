using Accession.Cli;
using Accession.Cli.Startup;
using Accession.Cli.Terminal;

// The native form: the baseline build hands over to the one for this CPU before anything else.
CpuVariant.ExecBest();

// A synchronous entry point: an async Main is one more state machine compiled at run time.
var arguments = RawArguments.Recover(args);
return CliApplication.RunAsync(RootCommands.Create(arguments), arguments).GetAwaiter().GetResult();
