import Foundation
import Hummingbird
import Mustache
import NIOCore

/// The Mustache templates shipped with the binary, and how a page becomes an HTML answer.
///
/// Every `{{value}}` is HTML-escaped by Mustache (`<`, `>`, `&`, `"`, `'`), so a title or a
/// note typed by a user is shown, never run; templates use `{{{…}}}` only for the SVG the
/// pages draw themselves from numbers.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path ?? "Templates"
        library = try MustacheLibrary(templates: Self.load(folder))
    }

    /// The templates of `folder` by name (`calendar/versions` for `calendar/versions.mustache`).
    static func load(_ folder: String) throws -> [String: MustacheTemplate] {
        var templates: [String: MustacheTemplate] = [:]
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [:] }
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        return templates
    }

    /// The page, or a plain error if the template is missing (a defect the route tests catch).
    func html(_ template: String, _ view: PageView) -> String {
        library.render(view, withTemplate: template) ?? "<!doctype html><title>Sablier</title><p>template \(template) missing</p>"
    }

    func response(_ template: String, _ view: PageView, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html(template, view))))
    }
}
