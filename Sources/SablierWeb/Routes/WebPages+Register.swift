import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addRegister(to router: RouterGroup<APIRequestContext>) {
    }
}
