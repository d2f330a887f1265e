import SablierCore
import ArgumentParser

/// `sablier document …`: the register of documents (dossiers and documents).
struct DocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Register documents and follow them from creation to destruction or deposit.",
        subcommands: [DocumentAdd.self, DocumentImport.self, DocumentList.self, DocumentShow.self, DocumentExplain.self, DocumentEvent.self, DocumentRelink.self,
                      DocumentCorrect.self, DocumentReclassify.self]
    )
}
