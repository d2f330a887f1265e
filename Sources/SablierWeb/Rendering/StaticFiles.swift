import Foundation
import Hummingbird
import SablierServer

/// The style sheet, the script and the icons, shipped with the binary as resources and served
/// under `/static/`.
enum StaticFiles {
    /// The folder of the `Static` resources.
    static var folder: String {
        Bundle.module.resourceURL?.appendingPathComponent("Static").path ?? "Static"
    }

    /// Hummingbird's file middleware over that folder, under `/static`.
    static func middleware() -> FileMiddleware<APIRequestContext, LocalFileSystem> {
        FileMiddleware(folder, urlBasePath: "/static", searchForIndexHtml: false)
    }
}
