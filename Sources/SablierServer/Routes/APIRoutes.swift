import Foundation
import Hummingbird
import SablierApplication
import SablierCore

/// The JSON API's routes: each one reads its parameters, calls one use case with the caller's
/// session, and writes the use case's `Codable` result. Permission, visibility, validation
/// and audit all happen in the use case; nothing is checked here that the command line does
/// not also get checked.
struct APIRoutes: Sendable {
    let sablier: Sablier
    let authority: any SessionAuthority
    let uploads: UploadStore
    let configuration: ServerConfiguration

    /// The API's routes on `router`: sign-in open, everything else behind authentication.
    func add(to router: Router<APIRequestContext>) {
        let api = router.group("api/v1")
        addSignIn(to: api)
        let authenticated = api.group().add(middleware: AuthenticationMiddleware(authority: authority))
        addSession(to: authenticated)
        addCalendar(to: authenticated)
        addRegister(to: authenticated)
        addRelinks(to: authenticated)
        addCorrections(to: authenticated)
        addDue(to: authenticated)
        addHolds(to: authenticated)
        addReports(to: authenticated)
        addLoans(to: authenticated)
        addBoxes(to: authenticated)
        addCohorts(to: authenticated)
        addDisposition(to: authenticated)
        addPrivacy(to: authenticated)
        addAnonymization(to: authenticated)
        addAccountability(to: authenticated)
        addTokens(to: authenticated)
        addNotices(to: authenticated)
    }

    /// A list as one page of the `Page` envelope.
    func page<Item: Encodable & Sendable>(_ items: [Item], _ request: Request, withheld: Int? = nil) throws -> Response {
        try APIJSON.response(Page(items, try PageWindow(request), withheld: withheld))
    }

    /// A single result.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        try APIJSON.response(value, status: status)
    }

    /// The upload's name as the client gave it (`?filename=`), which diagnostics and refusals
    /// name instead of the private file it was written to.
    static func uploadName(_ request: Request, default name: String) -> String {
        request.query("filename").map { ($0 as NSString).lastPathComponent } ?? name
    }
}
