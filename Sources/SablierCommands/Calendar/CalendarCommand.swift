import SablierCore
import ArgumentParser

/// `sablier calendar …`: import, read, compare and export the conservation calendar.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Import, read, compare and export the conservation calendar (calendrier de conservation).",
        subcommands: [
            CalendarImport.self, CalendarVersions.self, CalendarList.self, CalendarShow.self,
            CalendarDiffCommand.self, CalendarExport.self, CalendarOpenPeriods.self, CalendarConfirmEvent.self, CalendarImpactCommand.self,
        ]
    )
}
