using Accession.Launcher;

return BuildLauncher.Run();
