using Accession.Cli;
using Accession.Cli.Terminal;

// A synchronous entry point: an async Main is one more state machine compiled at run time.
var arguments = RawArguments.Recover(args);
return CliApplication.RunAsync(RootCommands.Create(arguments), arguments).GetAwaiter().GetResult();
