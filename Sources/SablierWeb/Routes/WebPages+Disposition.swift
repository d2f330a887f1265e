import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addDisposition(to router: RouterGroup<APIRequestContext>) {
    }
}
