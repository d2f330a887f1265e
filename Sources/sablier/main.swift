import SablierCommands

await SablierCommand.runFromCommandLine()
