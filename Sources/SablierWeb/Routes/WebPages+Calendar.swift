import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

extension WebPages {
    func addCalendar(to router: RouterGroup<APIRequestContext>) {
    }
}
