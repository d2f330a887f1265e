import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// The page's language: the `sablier_lang` cookie the language switch sets, else French.
enum PageLanguage {
    static let cookie = "sablier_lang"

    static func of(_ request: Request) -> Language {
        request.cookies[cookie]?.value == "en" ? .en : .fr
    }
}

extension WebPages {
    /// The page `template` with `content`, in the frame: the title is a label key.
    func page(_ template: String, title: String, content: Any, _ request: Request, _ context: APIRequestContext,
              status: HTTPResponse.Status = .ok, refreshSeconds: Int? = nil) -> Response {
        renderer.response(template, frame(title: title, content: content, request, context, refreshSeconds: refreshSeconds),
                          status: status)
    }

    /// The frame around `content`, for `request` made by whoever `context` names (nobody on
    /// the sign-in page).
    func frame(title: String, content: Any, _ request: Request, _ context: APIRequestContext,
               refreshSeconds: Int? = nil) -> PageView {
        Self.frame(title: title, content: content, request, context, refreshSeconds: refreshSeconds)
    }

    static func frame(title: String, content: Any, _ request: Request, _ context: APIRequestContext,
                      refreshSeconds: Int? = nil) -> PageView {
        let language = PageLanguage.of(request)
        let user = context.identity?.session.user
        let current = Section.of(path: request.uri.path)
        let nav = user.map { user in
            Section.allCases.filter { $0.isOpen(to: user) }.map {
                NavItem(href: $0.href, label: Labels.text($0.labelKey, language), current: $0 == current)
            }
        } ?? []
        var csrf = ""
        if case .cookie(_, let token, _) = context.identity?.credential { csrf = token }
        let notice = request.uri.queryParameters.get("fait").flatMap { Labels.all[$0]?.text(language) }
        let other: Language = language == .fr ? .en : .fr
        let back = request.uri.path.isEmpty ? "/" : request.uri.path
        return PageView(lang: language.rawValue, t: Labels.table(language), title: Labels.text(title, language),
                        user: user.map { UserView($0, language) }, nav: nav, csrf: csrf, notice: notice,
                        languageHref: "/langue?vers=\(other.rawValue)&retour=\(Self.queryEscaped(back))", otherLang: other.rawValue,
                        refreshSeconds: refreshSeconds, content: content)
    }

    /// A 303 to `path` (after a form, so that reloading does not send it again), with the
    /// label key of what was done for the next page to say.
    func redirect(_ path: String, done: String? = nil) -> Response {
        Self.redirect(path, done: done)
    }

    static func redirect(_ path: String, done: String? = nil) -> Response {
        var location = path
        if let done { location += (path.contains("?") ? "&" : "?") + "fait=" + done }
        return Response(status: .seeOther, headers: [.location: location])
    }

    /// A value (a document's reference, a rule's number) as one segment of a path: `/`, `?`,
    /// `#`, `%` and `;` escaped with the rest of what a path may not hold. The router decodes it
    /// once, before the route reads it.
    static func pathSegment(_ value: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    static func queryEscaped(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The person acting; page routes sit behind `PageSessionMiddleware`, which sets it.
    func session(_ context: APIRequestContext) throws -> Session {
        try context.session
    }

    /// The page's language.
    func language(_ request: Request) -> Language { PageLanguage.of(request) }

    /// Today, from the application's clock (never read deep inside).
    var today: CivilDate { sablier.clock.today }
}

/// The use case's result or its refusal, so that a form can show the refusal next to its field
/// rather than on an error page.
func outcome<Value>(_ body: () async throws(Refusal) -> Value) async -> Result<Value, Refusal> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
