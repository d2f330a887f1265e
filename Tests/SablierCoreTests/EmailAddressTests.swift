import SablierCore
import Testing

/// The one rule an e-mail address meets before Sablier stores it or writes a message to it:
/// nothing in it may end a header or add a recipient.
@Suite("E-mail addresses: what may go into a To: header and onto sendmail's command line")
struct EmailAddressTests {
    @Test("ordinary addresses are kept exactly as given", arguments: [
        "marie.roy@css-exemple.gouv.qc.ca", "rh+avis@example.org", "o'brien@ecole.example.ca", "d.tremblay@sous.domaine.example.com",
    ])
    func accepted(_ address: String) throws {
        #expect(try EmailAddress.checked(address) == address)
    }

    @Test("what could end a header, add a recipient or start an option is refused, naming the address", arguments: [
        "marie.roy@example.ca\nBcc: tous@example.ca", "marie.roy@example.ca\r", "marie roy@example.ca", " marie@example.ca",
        "marie@example.ca, paul@example.ca", "marie@example.ca;paul@example.ca", "Marie <marie@example.ca>", "\"marie\"@example.ca",
        "marie@localhost", "marie@@example.ca", "marie@exa@mple.ca", "@example.ca", "marie@", "marie@.example.ca", "marie@example.",
        "marie@example..ca", ".marie@example.ca", "marie.@example.ca", "-oQ/tmp@example.ca", "", "marie@example.ca\u{2028}",
        "marie\u{202E}@example.ca", "marie@exam\tple.ca", "marie@[192.168.0.1]", "marie(x)@example.ca", "marie@-example.ca",
    ])
    func refused(_ address: String) {
        #expect(throws: Refusal(.invalidEmail, ["address": address])) { try EmailAddress.checked(address) }
    }

    @Test("an address longer than 254 bytes is refused")
    func tooLong() {
        let long = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 186) + ".ca"
        #expect(long.utf8.count == 254 && EmailAddress.isAcceptable(long))
        #expect(!EmailAddress.isAcceptable("a" + long))
    }

    @Test("a new user with an address has it checked by the same rule")
    func newUser() throws {
        #expect(try User.new(name: "rh.chef", unit: "RH", roles: [.detenteur], email: "chef@rh.example.ca").email == "chef@rh.example.ca")
        #expect(try User.new(name: "rh.chef", unit: "RH", roles: [.detenteur]).email == nil)
        #expect(throws: Refusal(.invalidEmail, ["address": "chef@rh\n.example.ca"])) {
            try User.new(name: "rh.chef", unit: "RH", roles: [.detenteur], email: "chef@rh\n.example.ca")
        }
    }
}
