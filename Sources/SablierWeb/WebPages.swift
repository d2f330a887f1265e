import Foundation
public import Hummingbird
public import SablierApplication
public import SablierServer

/// The web pages: what the records manager, the privacy officer, the détenteurs and the
/// auditor do every week, in French first, rendered on the server from Mustache templates.
///
/// Pages own no rule. Each handler reads its form, calls one use case of `Sablier` with the
/// signed-in person's session, and renders the use case's result or its refusal, exactly as
/// the API and the command line do. Sign-in goes through the same `SessionAuthority` and the
/// same session cookie as the API; a form that changes something must echo the session's
/// CSRF token in its `_csrf` field.
public struct WebPages: RouteSet {
    let sablier: Sablier
    let authority: any SessionAuthority
    let configuration: ServerConfiguration
    let renderer: PageRenderer
    let jobs: WebJobs
    /// Uploaded files waiting for the confirmation of their dry run.
    let held: HeldUploads
    /// What register imports run as jobs found, for their result pages.
    let importOutcomes: RegisterImportOutcomes

    /// Loads the templates shipped with the binary; a template that does not parse stops the
    /// server here, at start-up, rather than on the page that uses it.
    public init(sablier: Sablier, authority: any SessionAuthority, configuration: ServerConfiguration) throws {
        self.sablier = sablier
        self.authority = authority
        self.configuration = configuration
        renderer = try PageRenderer()
        jobs = WebJobs(clock: sablier.clock)
        held = HeldUploads(directory: configuration.uploadDirectory.appendingPathComponent("pages"))
        importOutcomes = RegisterImportOutcomes()
    }

    public func add(to router: Router<APIRequestContext>) {
        router.add(middleware: PageFallbackMiddleware(renderer: renderer))
        router.add(middleware: StaticFiles.middleware())
        let open = router.group().add(middleware: PageErrorMiddleware(renderer: renderer))
        addSignIn(to: open)
        // The outer error page catches the session's own failures (a stale form's CSRF token);
        // the inner one a route's, with the signed-in header and navigation around it.
        let signedIn = router.group()
            .add(middleware: PageErrorMiddleware(renderer: renderer))
            .add(middleware: PageSessionMiddleware(authority: authority, maxFormBytes: configuration.maxUploadBytes))
            .add(middleware: PageErrorMiddleware(renderer: renderer))
        addAccount(to: signedIn)
        addDashboard(to: signedIn)
        addCalendar(to: signedIn)
        addRegister(to: signedIn)
        addDue(to: signedIn)
        addDisposition(to: signedIn)
        addPrivacy(to: signedIn)
        addAccountability(to: signedIn)
        addJobs(to: signedIn)
    }
}
