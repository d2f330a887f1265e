import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addDue(to router: RouterGroup<APIRequestContext>) {
    }
}
