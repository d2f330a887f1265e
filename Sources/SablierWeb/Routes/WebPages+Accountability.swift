import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addAccountability(to router: RouterGroup<APIRequestContext>) {
    }
}
