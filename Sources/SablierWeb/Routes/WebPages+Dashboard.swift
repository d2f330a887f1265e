import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addDashboard(to router: RouterGroup<APIRequestContext>) {
    }
}
