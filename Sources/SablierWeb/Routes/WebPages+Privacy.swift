import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addPrivacy(to router: RouterGroup<APIRequestContext>) {
    }
}
